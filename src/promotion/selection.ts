import { createHash } from 'node:crypto';
import { CONTENT_TYPES, type ContentType, KEY_MAX_LENGTH, KEY_PATTERN } from '../../libs/content-model';
import { AppError } from '../platform/errors/app-error';

/** What a selective promotion names: entities, and types (every change of that type). Sorted, no duplicates. */
export interface Selection {
  entities: { type: ContentType; key: string }[];
  types: ContentType[];
}

/** What a selection can be refused with, beyond its shape. */
export const SELECTION_ERRORS = ['empty_selection', 'duplicate_selection', 'unknown_entities'] as const;

// A selection is a person's or a script's list, not a site: past this, promote the whole site or by type.
export const SELECTION_MAX_ENTITIES = 1000;

const entityRef = {
  type: 'object',
  required: ['type', 'key'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: [...CONTENT_TYPES] },
    key: { type: 'string', minLength: 1, maxLength: KEY_MAX_LENGTH, pattern: KEY_PATTERN },
  },
};

/** `select` of a selective preview or promotion. */
export const selectSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'promote only these staging changes (added, changed or removed entities, and every change of these types), ' +
    'with what they refer to that production lacks or has otherwise; the preview lists that closure',
  properties: {
    entities: { type: 'array', maxItems: SELECTION_MAX_ENTITIES, items: entityRef },
    types: { type: 'array', maxItems: CONTENT_TYPES.length, items: { type: 'string', enum: [...CONTENT_TYPES] } },
  },
};

/**
 * GET …/promotion/preview's encoding of a selection: `entities=page:home,form:contact` and `types=media,theme`
 * (keys hold neither `:` nor `,`). A URL holds some hundred entities; POST the preview for more.
 */
export const selectQuerySchema = {
  entities: {
    type: 'string',
    maxLength: 16_000,
    pattern: '^[a-z_]+:[a-z0-9][a-z0-9._-]*(?:,[a-z_]+:[a-z0-9][a-z0-9._-]*)*$',
    description: 'a selection: comma-separated type:key pairs, e.g. page:home,form:contact',
  },
  types: {
    type: 'string',
    maxLength: 1000,
    pattern: '^[a-z_]+(?:,[a-z_]+)*$',
    description: 'a selection: comma-separated content types, every change of which is selected, e.g. media,theme',
  },
};

/** The raw `select` from GET's query (undefined: no selection), shaped like POST's body for the same checks. */
export function selectFromQuery(query: { entities?: unknown; types?: unknown }): unknown {
  if (query.entities === undefined && query.types === undefined) return undefined;
  const list = (value: unknown) => (typeof value === 'string' ? value.split(',') : []);
  return {
    ...(query.entities !== undefined
      ? {
          entities: list(query.entities).map((pair) => {
            const at = pair.indexOf(':');
            return { type: pair.slice(0, at), key: pair.slice(at + 1) };
          }),
        }
      : {}),
    ...(query.types !== undefined ? { types: list(query.types) } : {}),
  };
}

/**
 * A schema-valid `select` as a Selection: refuses an empty one and duplicates (a repeated entry is a client's
 * mistake, and would make two spellings of one selection), checks what a URL's encoding could not (types,
 * lengths), and sorts, so one selection has one hash.
 */
export function normalizeSelection(raw: unknown, path: string): Selection {
  const select = (raw ?? {}) as { entities?: { type: string; key: string }[]; types?: string[] };
  const entities = select.entities ?? [];
  const types = select.types ?? [];
  const problems: { path: string; message: string }[] = [];
  if (entities.length > SELECTION_MAX_ENTITIES)
    problems.push({ path: `${path}.entities`, message: `must have at most ${SELECTION_MAX_ENTITIES} items` });
  entities.forEach((e, i) => {
    if (!(CONTENT_TYPES as readonly string[]).includes(e.type))
      problems.push({ path: `${path}.entities[${i}].type`, message: 'must be a content type' });
    if (e.key.length > KEY_MAX_LENGTH)
      problems.push({ path: `${path}.entities[${i}].key`, message: `must be at most ${KEY_MAX_LENGTH} characters` });
  });
  types.forEach((t, i) => {
    if (!(CONTENT_TYPES as readonly string[]).includes(t))
      problems.push({ path: `${path}.types[${i}]`, message: 'must be a content type' });
  });
  if (problems.length) throw new AppError('validation_failed', 'The selection is not valid.', problems);
  if (!entities.length && !types.length)
    throw new AppError('empty_selection', 'The selection names nothing: list entities or types, or omit select.', [
      { path },
    ]);
  const duplicates = [
    ...findDuplicates(entities.map((e) => `${e.type}:${e.key}`)).map((id) => ({ path: `${path}.entities`, id })),
    ...findDuplicates(types).map((id) => ({ path: `${path}.types`, id })),
  ];
  if (duplicates.length)
    throw new AppError('duplicate_selection', 'The selection names an entity or a type twice.', duplicates);
  const byTypeKey = (a: { type: string; key: string }, b: { type: string; key: string }) =>
    a.type === b.type ? compare(a.key, b.key) : compare(a.type, b.type);
  return {
    entities: entities.map(({ type, key }) => ({ type: type as ContentType, key })).sort(byTypeKey),
    types: [...types].sort(compare) as ContentType[],
  };
}

/** 16 hex digits of sha256: what a fingerprint carries of its selection. */
export function selectionHash(selection: Selection): string {
  const canonical = JSON.stringify([selection.entities.map((e) => [e.type, e.key]), selection.types]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function findDuplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
