import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { assignBlockIds } from './block-ids';
import { templateSyntaxError } from './component-templates';
import type { ContentBodies } from './content-bodies';
import { contentSchemas } from './content-schemas';
import { CONTENT_TYPES, isContentType, isPublishable, type ContentType } from './content-types';
import { describeAjvErrors, type ValidationError } from './validation-errors';

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: ValidationError[] };

// More errors than this only bury the first ones; the client fixes those and sends again.
const MAX_ERRORS = 50;

// One ajv instance for the process: compiling a schema is the expensive part, validating is cheap.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
addFormats(ajv);
ajv.addVocabulary(['x-message']);
const validators = new Map<ContentType, ValidateFunction>();

function validatorOf(type: ContentType): ValidateFunction {
  let validator = validators.get(type);
  if (!validator) {
    validator = ajv.compile(contentSchemas[type]);
    validators.set(type, validator);
  }
  return validator;
}

/**
 * Validates a `data` body against its type's schema and the rules a schema cannot say (unique form field
 * names, unique block ids). On success returns the normalized body: page and post blocks all carry an `id`.
 * Never mutates `data`; the result may share unchanged parts with it.
 */
export function validateContent<T extends ContentType>(type: T, data: unknown): ValidationResult<ContentBodies[T]> {
  if (!isContentType(type)) {
    return { ok: false, errors: [{ path: 'type', message: `must be one of: ${CONTENT_TYPES.join(', ')}` }] };
  }
  const validate = validatorOf(type);
  if (!validate(data)) return { ok: false, errors: describeAjvErrors(validate.errors ?? []).slice(0, MAX_ERRORS) };

  const body = data as Record<string, any>;
  if (type === 'form') {
    const errors = duplicateFieldNames(body.fields);
    if (errors.length > 0) return { ok: false, errors };
  }
  if (type === 'component_override' && typeof body.template === 'string') {
    const problem = templateSyntaxError(body.template);
    if (problem)
      return { ok: false, errors: [{ path: 'data.template', message: `is not a valid Liquid template: ${problem}` }] };
  }
  if (isPublishable(type)) {
    const result = assignBlockIds(body.blocks, (index) => `data.blocks[${index}]`);
    if (!result.ok) return result;
    return { ok: true, data: { ...body, blocks: result.blocks } as ContentBodies[T] };
  }
  return { ok: true, data: body as ContentBodies[T] };
}

function duplicateFieldNames(fields: { name: string }[]): ValidationError[] {
  const firstIndex = new Map<string, number>();
  const errors: ValidationError[] = [];
  fields.forEach((field, index) => {
    const first = firstIndex.get(field.name);
    if (first === undefined) {
      firstIndex.set(field.name, index);
      return;
    }
    errors.push({
      path: `data.fields[${index}].name`,
      message: `must be unique: data.fields[${first}] has the same name`,
    });
  });
  return errors;
}
