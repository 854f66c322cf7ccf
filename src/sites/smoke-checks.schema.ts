import { PATH_PATTERN } from '../../libs/content-model';

export const MAX_SMOKE_CHECKS = 20;

// A site path as pages use them (the same pattern), requested on production's public site after a swap.
export const smokeCheckSchema = {
  type: 'object',
  required: ['path', 'status'],
  additionalProperties: false,
  properties: {
    path: {
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      pattern: PATH_PATTERN,
      description: "a path of the site starting with '/' (no query, fragment, spaces or '..' segments)",
    },
    status: { type: 'integer', minimum: 100, maximum: 599, description: 'the HTTP status it must answer' },
    contains: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      pattern: '^[^\\u0000-\\u001f\\u007f]*$',
      description: 'text the body must contain, as served or HTML-escaped (so "Tea & cake" matches "Tea &amp; cake")',
    },
  },
};

export const smokeChecksSchema = {
  type: 'array',
  maxItems: MAX_SMOKE_CHECKS,
  items: smokeCheckSchema,
  description:
    'what the post-swap check of every promotion requests besides the home page and the changed pages; ' +
    'a check that fails rolls the promotion back (replaces the whole list)',
};
