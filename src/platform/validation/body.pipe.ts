import { PipeTransform } from '@nestjs/common';
import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { AppError } from '../errors/app-error';

const ajv = addFormats(new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, strict: false }));

/** Validates a request body (or query) against a JSON Schema; the same schema documents it in OpenAPI. */
export class SchemaPipe implements PipeTransform {
  private readonly validate;

  constructor(
    readonly schema: object,
    private readonly root = 'body',
  ) {
    this.validate = ajv.compile(schema);
  }

  transform(value: unknown): any {
    const input = value === undefined ? {} : value;
    if (!this.validate(input))
      throw new AppError(
        'validation_failed',
        'The request is not valid.',
        toDetails(this.validate.errors ?? [], this.root),
      );
    return input;
  }
}

export function toDetails(errors: ErrorObject[], root: string): { path: string; message: string }[] {
  return closestBranches(errors).map((e) => {
    let path = root + e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
    if (e.keyword === 'required') path += `.${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties')
      path += `.${(e.params as { additionalProperty: string }).additionalProperty}`;
    const message =
      e.keyword === 'required'
        ? 'is required'
        : e.keyword === 'additionalProperties'
          ? 'is not a known field'
          : e.keyword === 'enum'
            ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
            : (e.message ?? 'is invalid');
    return { path, message };
  });
}

/**
 * Of a value that matches no branch of a oneOf, only the errors of the branch it comes closest to (the fewest
 * errors): what the caller most likely meant, rather than every branch's complaints.
 */
function closestBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const failed of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${failed.schemaPath}/`;
    const branchOf = (e: ErrorObject): number | undefined =>
      (e.instancePath === failed.instancePath || e.instancePath.startsWith(`${failed.instancePath}/`)) &&
      e.schemaPath.startsWith(prefix)
        ? Number(e.schemaPath.slice(prefix.length).split('/')[0])
        : undefined;
    const counts = new Map<number, number>();
    for (const e of kept) {
      const branch = branchOf(e);
      if (branch !== undefined) counts.set(branch, (counts.get(branch) ?? 0) + 1);
    }
    // No branch errors: the value matched more than one branch, and the oneOf error itself says so.
    if (!counts.size) continue;
    const [closest] = [...counts].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
    kept = kept.filter((e) => e !== failed && (branchOf(e) ?? closest) === closest);
  }
  return kept;
}
