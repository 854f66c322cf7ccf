import { variablesIn } from './variables';
import type { ContentType } from './content-types';

export interface ContentReference {
  type: ContentType;
  key: string;
  /** Where the body names it, e.g. `data.blocks[3].media`. */
  path: string;
}

type Body = Record<string, unknown>;

/**
 * The other entities a body points at, so a promotion can refuse a state with dangling references.
 * Tolerates bodies that were never validated: anything that is not a string key is ignored.
 */
export function referencesOf(type: ContentType, data: unknown): ContentReference[] {
  if (!isRecord(data)) return [];
  const found: ContentReference[] = [];
  const add = (refType: ContentType, key: unknown, path: string) => {
    if (typeof key === 'string' && key !== '') found.push({ type: refType, key, path });
  };
  switch (type) {
    case 'page':
    case 'post':
      blockReferences(data.blocks, 'data.blocks', add);
      add('layout', data.layout, 'data.layout');
      if (isRecord(data.seo)) add('media', data.seo.ogImage, 'data.seo.ogImage');
      break;
    case 'layout':
      blockReferences(data.header, 'data.header', add);
      blockReferences(data.footer, 'data.footer', add);
      break;
    case 'custom_field':
    case 'custom_object':
      add('custom_object_type', data.objectType, 'data.objectType');
      break;
    case 'popup':
      add('form', data.form, 'data.form');
      break;
    case 'form':
      if (Array.isArray(data.integrations))
        data.integrations.forEach((key, i) => add('integration', key, `data.integrations[${i}]`));
      break;
    case 'site_settings':
      add('media', data.ogImage, 'data.ogImage');
      break;
  }
  return found;
}

// The block kinds that name another entity, and the field that holds its key.
const BLOCK_REFERENCES: Record<string, { field: string; type: ContentType }> = {
  image: { field: 'media', type: 'media' },
  form: { field: 'form', type: 'form' },
  component: { field: 'component', type: 'component_override' },
};

function blockReferences(
  blocks: unknown,
  path: string,
  add: (type: ContentType, key: unknown, path: string) => void,
): void {
  if (!Array.isArray(blocks)) return;
  blocks.forEach((block: unknown, index) => {
    if (!isRecord(block) || typeof block.type !== 'string') return;
    const reference = Object.hasOwn(BLOCK_REFERENCES, block.type) ? BLOCK_REFERENCES[block.type] : undefined;
    if (reference) add(reference.type, block[reference.field], `${path}[${index}].${reference.field}`);
  });
}

function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The distinct entities a body points at, once each, then the environment variables it uses as
 * `{type: 'env', key: NAME}` (what the service stores as a revision's refs).
 */
export function referenceKeys(type: ContentType, data: unknown): { type: string; key: string }[] {
  const seen = new Map<string, { type: string; key: string }>();
  for (const ref of referencesOf(type, data)) seen.set(`${ref.type}/${ref.key}`, { type: ref.type, key: ref.key });
  return [...seen.values(), ...variablesIn(data).map((key) => ({ type: ENV_REFERENCE, key }))];
}

/** The `type` of a reference to an environment variable in a revision's refs. */
export const ENV_REFERENCE = 'env';
