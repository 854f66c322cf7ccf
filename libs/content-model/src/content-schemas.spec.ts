import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { contentSchemas } from './content-schemas';
import { CONTENT_TYPES } from './content-types';

// Keywords of the OpenAPI 3.0 Schema Object that ajv also validates (no $ref, $id, const, if/then, …).
const OPENAPI_30_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'oneOf',
  'not',
  'description',
]);

/** Every keyword a schema uses, walking only into subschemas (not into property names). */
function keywordsOf(schema: Record<string, any>, found = new Set<string>()): Set<string> {
  for (const [keyword, value] of Object.entries(schema)) {
    found.add(keyword);
    if (keyword === 'properties') Object.values(value).forEach((sub) => keywordsOf(sub as object, found));
    if (keyword === 'oneOf') (value as object[]).forEach((sub) => keywordsOf(sub, found));
    if (['items', 'not'].includes(keyword) || (keyword === 'additionalProperties' && typeof value === 'object')) {
      keywordsOf(value, found);
    }
  }
  return found;
}

describe('contentSchemas', () => {
  it('has one schema per content type', () => {
    expect(Object.keys(contentSchemas).sort()).toEqual([...CONTENT_TYPES].sort());
  });

  it.each(CONTENT_TYPES)('%s uses only keywords that OpenAPI 3.0 embeds, plus x- extensions', (type) => {
    const unknown = [...keywordsOf(contentSchemas[type])].filter(
      (k) => !OPENAPI_30_KEYWORDS.has(k) && !k.startsWith('x-'),
    );
    expect(unknown).toEqual([]);
  });

  it.each(CONTENT_TYPES)('%s keeps unknown fields and compiles in a strict ajv of its own', (type) => {
    expect(contentSchemas[type]).toMatchObject({ type: 'object', additionalProperties: true });
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    ajv.addVocabulary(['x-message']);
    expect(() => ajv.compile(contentSchemas[type])).not.toThrow();
  });

  it('keeps unknown fields inside blocks too', () => {
    const blocks = (contentSchemas.page as any).properties.blocks.items.oneOf as object[];
    for (const block of blocks) expect(block).toMatchObject({ type: 'object', additionalProperties: true });
  });
});
