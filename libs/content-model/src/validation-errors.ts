import type { ErrorObject } from 'ajv';

export interface ValidationError {
  /** Dotted path from the body, e.g. `data.blocks[2].level`. */
  path: string;
  message: string;
}

type Schema = Record<string, any>;

/** Turns ajv's errors (compiled with `verbose`) into one readable `{path, message}` per problem. */
export function describeAjvErrors(errors: ErrorObject[]): ValidationError[] {
  const described = keepMatchingBranches(errors).map((error) =>
    'path' in error ? error : { path: toDottedPath(pointerOf(error)), message: messageOf(error) },
  );
  const seen = new Set<string>();
  return described.filter((error) => {
    const id = `${error.path}\n${error.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** `/blocks/2/level` → `data.blocks[2].level`. */
export function toDottedPath(pointer: string): string {
  let path = 'data';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

// A oneOf in our schemas is always discriminated on `type`. Only the errors of the branch that the value's
// `type` selects are worth reading; without such a branch, the value's `type` itself is the error.
function keepMatchingBranches(errors: ErrorObject[]): (ErrorObject | ValidationError)[] {
  let kept: (ErrorObject | ValidationError)[] = errors;
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const oneOf of oneOfs) {
    if (!kept.includes(oneOf)) continue; // inside a branch that an outer oneOf already discarded
    const inside = (e: ErrorObject | ValidationError): e is ErrorObject =>
      'schemaPath' in e &&
      e !== oneOf &&
      e.schemaPath.startsWith(`${oneOf.schemaPath}/`) &&
      (e.instancePath === oneOf.instancePath || e.instancePath.startsWith(`${oneOf.instancePath}/`));
    const branch = selectedBranch(oneOf.schema as Schema[], oneOf.data);
    if (branch === -1) {
      kept = kept.filter((e) => !inside(e)).map((e) => (e === oneOf ? unknownTagError(oneOf) : e));
      continue;
    }
    const chosen = `${oneOf.schemaPath}/${branch}/`;
    kept = kept.filter((e) => !inside(e) || e.schemaPath.startsWith(chosen));
    if (kept.some(inside)) kept = kept.filter((e) => e !== oneOf);
  }
  return kept;
}

function selectedBranch(branches: Schema[], data: unknown): number {
  const tag = isRecord(data) ? data.type : undefined;
  const byTag = branches.findIndex(
    (b) => Array.isArray(b.properties?.type?.enum) && b.properties.type.enum.includes(tag),
  );
  if (byTag !== -1) return byTag;
  return branches.findIndex((b) => b.properties?.type && !b.properties.type.enum);
}

function unknownTagError(oneOf: ErrorObject): ValidationError {
  const path = toDottedPath(oneOf.instancePath);
  if (!isRecord(oneOf.data)) return { path, message: 'must be an object' };
  if (oneOf.data.type === undefined) return { path: `${path}.type`, message: 'is required' };
  const allowed = (oneOf.schema as Schema[]).flatMap((b) => b.properties?.type?.enum ?? []);
  return { path: `${path}.type`, message: `must be one of: ${allowed.join(', ')}` };
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, any>;
  if (error.keyword === 'required') return `${error.instancePath}/${params.missingProperty}`;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${params.additionalProperty}`;
  return error.instancePath;
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  uri: 'URL',
  email: 'email address',
  'date-time': 'RFC 3339 date and time',
  date: 'date (YYYY-MM-DD)',
};

function messageOf(error: ErrorObject): string {
  const custom = (error.parentSchema as Schema | undefined)?.['x-message'];
  if (typeof custom === 'string' && error.keyword !== 'required') return custom;
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${ARTICLE_TYPES[params.type] ?? params.type}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `must be at most ${params.limit} characters long`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minItems':
      return `must contain at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must contain at most ${params.limit} items`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'pattern':
      return 'has an invalid format';
    case 'format':
      return `must be a valid ${FORMAT_NAMES[params.format] ?? params.format}`;
    case 'additionalProperties':
      return 'is not allowed';
    case 'oneOf':
      return 'does not match any allowed shape';
    case 'not':
      return 'is not allowed';
    default:
      return error.message ?? 'is invalid';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
