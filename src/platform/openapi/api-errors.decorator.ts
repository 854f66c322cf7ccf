import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from '../errors/app-error';
import { ref, type SchemaObject } from './schema-ref';

/** `{"error": {code, message, details}}`, what every 4xx and 5xx of the API answers (src/errors/error.filter.ts). */
export const errorResponseSchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: {
          type: 'string',
          enum: Object.keys(ERROR_STATUS),
          description: 'snake_case; never changes once shipped',
        },
        message: { type: 'string', description: 'a sentence for people; may change' },
        details: {
          type: 'array',
          items: {},
          description: 'validation: one {path, message} per problem; a conflict: what it conflicts with',
        },
      },
    },
  },
};

/** What any route with a JSON body may answer before its own checks run. */
export const BODY_ERRORS = ['validation_failed', 'malformed_json', 'payload_too_large'] as const;

/**
 * Documents the error codes an operation can answer, each under its status with the shared error shape.
 * Several uses on one handler add up: Nest merges the responses of one status (descriptions and examples).
 */
export function ApiErrors(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, group]) =>
      ApiResponse({
        status,
        description: group.map((code) => `\`${code}\``).join(', '),
        schema: ref('ErrorResponse'),
        examples: Object.fromEntries(
          group.map((code) => [code, { summary: code, value: { error: { code, message: '…', details: [] } } }]),
        ),
      }),
    ),
  );
}
