import { mediaKey } from './site-keys';
import type { Random } from './random';
import { sentence, titleCase, words } from './words';

interface FieldTemplate {
  name: string;
  fieldType: 'text' | 'number' | 'boolean' | 'select' | 'richtext' | 'media' | 'url';
  options?: string[];
}

// The custom object types a coffee roaster's site would define, with their fields in creation order.
export const OBJECT_TEMPLATES: Record<string, { name: string; fields: FieldTemplate[] }> = {
  product: {
    name: 'Product',
    fields: [
      { name: 'name', fieldType: 'text' },
      { name: 'price', fieldType: 'number' },
      { name: 'roast', fieldType: 'select', options: ['light', 'medium', 'dark'] },
      { name: 'inStock', fieldType: 'boolean' },
    ],
  },
  location: {
    name: 'Location',
    fields: [
      { name: 'name', fieldType: 'text' },
      { name: 'address', fieldType: 'text' },
      { name: 'website', fieldType: 'url' },
      { name: 'seats', fieldType: 'number' },
    ],
  },
  'team-member': {
    name: 'Team member',
    fields: [
      { name: 'name', fieldType: 'text' },
      { name: 'role', fieldType: 'text' },
      { name: 'bio', fieldType: 'richtext' },
      { name: 'photo', fieldType: 'media' },
    ],
  },
};

export function fieldTemplate(template: string, fieldIndex: number): FieldTemplate {
  const fields = OBJECT_TEMPLATES[template].fields;
  return fields[fieldIndex] ?? { name: `extra${fieldIndex}`, fieldType: 'text' };
}

export function fieldValue(field: FieldTemplate, random: Random, mediaCount: number): unknown {
  switch (field.fieldType) {
    case 'number':
      return random.int(1, 200);
    case 'boolean':
      return random.chance(0.8);
    case 'select':
      return random.pick(field.options ?? ['default']);
    case 'richtext':
      return `<p>${sentence(random)}</p>`;
    case 'media':
      return mediaCount > 0 ? mediaKey(random.int(0, mediaCount - 1)) : null;
    case 'url':
      return `https://www.example.com/${words(random, 2).join('-')}`;
    default:
      return titleCase(words(random, random.int(2, 4)));
  }
}
