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
  return errors.map((e) => {
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
