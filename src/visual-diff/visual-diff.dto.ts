import { nullable, object, ref, type SchemaObject } from '../platform/openapi/schema-ref';
import { selectQuerySchema, selectSchema } from '../promotion/selection';
import type { VisualDiffStatus } from './visual-diffs.repository';

export const DEFAULT_WIDTHS = [390, 768, 1280] as const;
export const MIN_WIDTH = 240;
export const MAX_WIDTH = 3840;
export const IMAGES = ['before', 'after', 'heatmap'] as const;
export type VisualDiffImage = (typeof IMAGES)[number];

const fingerprint = {
  type: 'string',
  maxLength: 60,
  description: "the fingerprint of the preview being looked at (a selective preview's carries its selection)",
};

export const visualDiffQuerySchema = {
  type: 'object',
  required: ['fingerprint'],
  additionalProperties: false,
  properties: {
    fingerprint,
    widths: {
      type: 'string',
      maxLength: 40,
      pattern: '^\\d{3,4}(,\\d{3,4}){0,3}$',
      description: `up to 4 comma-separated viewport widths, ${MIN_WIDTH}-${MAX_WIDTH} px; default ${DEFAULT_WIDTHS.join(',')}`,
    },
    ...selectQuerySchema,
  },
};

export interface VisualDiffQuery {
  fingerprint: string;
  widths?: string;
  entities?: string;
  types?: string;
}

/** POST …/preview/visual: a selective preview's visual diff, its selection in the body (a URL holds some hundred). */
export const visualDiffBodySchema = {
  type: 'object',
  required: ['fingerprint'],
  additionalProperties: false,
  properties: {
    fingerprint,
    widths: {
      type: 'array',
      minItems: 1,
      maxItems: 4,
      items: { type: 'integer', minimum: MIN_WIDTH, maximum: MAX_WIDTH },
      description: `viewport widths in px; default ${DEFAULT_WIDTHS.join(',')}`,
    },
    select: selectSchema,
  },
};

export interface VisualDiffBody {
  fingerprint: string;
  widths?: number[];
  select?: unknown;
}

export interface VisualDiffWidthDto {
  width: number;
  status: VisualDiffStatus;
  changedPercent: number | null;
  reason: string | null;
  /** The three PNGs' URLs, once ready. */
  images: Record<VisualDiffImage, string> | null;
}

export interface VisualDiffPageDto {
  type: string;
  key: string;
  op: 'added' | 'changed';
  path: string;
  /** Where production was rendered: the page's production path (its new path when an added page). */
  beforePath: string;
  /** pending while any width is, failed when any width failed, else ready. */
  status: VisualDiffStatus;
  /** The largest changed share over its widths (null until one is ready). */
  changedPercent: number | null;
  widths: VisualDiffWidthDto[];
}

export interface VisualDiffDto {
  status: 'unavailable' | 'pending' | 'ready';
  reason: string | null;
  fingerprint: string;
  widths: number[];
  /** Most changed first, then the pending, then the failed. */
  pages: VisualDiffPageDto[];
  /** Changed pages and posts of the preview; more than `pages` holds when VISUAL_DIFF_MAX_PAGES cut the list. */
  pagesTotal: number;
}

const status: SchemaObject = { type: 'string', enum: ['pending', 'ready', 'failed'] };
const percent: SchemaObject = nullable({ type: 'number', minimum: 0, maximum: 100 });

export const visualDiffSchemas: Record<string, SchemaObject> = {
  VisualDiffWidth: object({
    width: { type: 'integer' },
    status,
    changedPercent: percent,
    reason: nullable({ type: 'string' }),
    images: nullable(object(Object.fromEntries(IMAGES.map((image) => [image, { type: 'string' }])))),
  }),
  VisualDiffPage: object({
    type: { type: 'string', enum: ['page', 'post'] },
    key: { type: 'string' },
    op: { type: 'string', enum: ['added', 'changed'] },
    path: { type: 'string' },
    beforePath: { type: 'string' },
    status,
    changedPercent: percent,
    widths: { type: 'array', items: ref('VisualDiffWidth') },
  }),
  VisualDiff: object({
    status: { type: 'string', enum: ['unavailable', 'pending', 'ready'] },
    reason: nullable({ type: 'string' }),
    fingerprint: { type: 'string' },
    widths: { type: 'array', items: { type: 'integer' } },
    pages: { type: 'array', items: ref('VisualDiffPage') },
    pagesTotal: { type: 'integer' },
  }),
};
