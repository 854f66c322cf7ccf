import { arrayOf, keyOf, object, text, type JsonSchema } from './schema-fragments';

// Page-builder blocks, discriminated on `type`. Known types get their own branch; any other type is welcome
// (the last branch) so that new block kinds need no schema change. validate-content reports the errors of
// the branch whose `type` matches, not of every branch.
export const KNOWN_BLOCK_TYPES = ['heading', 'text', 'image', 'form', 'html', 'component'] as const;

const blockId: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  description: 'Stable id of the block; generated from its content when absent.',
  'x-message': 'must be a non-empty string of at most 200 characters',
};

function block(type: string, properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  const tag = { type: 'string', enum: [type] };
  return object({ id: blockId, type: tag, ...properties }, ['type', ...required]);
}

const otherBlock: JsonSchema = object(
  {
    id: blockId,
    type: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      not: { enum: [...KNOWN_BLOCK_TYPES] },
      'x-message': 'must be a non-empty string of at most 100 characters',
    },
  },
  ['type'],
);

export const blockSchema: JsonSchema = {
  description: 'A page-builder block: heading, text, image, form, html, component, or any other type.',
  oneOf: [
    block(
      'heading',
      {
        text: text(2000),
        level: {
          type: 'integer',
          minimum: 1,
          maximum: 6,
          'x-message': 'must be an integer between 1 and 6',
        },
      },
      ['text', 'level'],
    ),
    block('text', { text: text(100_000) }, ['text']),
    block('image', { media: keyOf('media file'), alt: text(1000) }, ['media']),
    block('form', { form: keyOf('form') }, ['form']),
    block('html', { html: text(100_000) }, ['html']),
    block('component', { component: keyOf('component override'), props: object({}) }, ['component']),
    otherBlock,
  ],
};

export const blocksSchema: JsonSchema = arrayOf(blockSchema, 1000, 'Page-builder blocks, in display order.');
