import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { RefusedBody } from '../validation/json-body-guard';
import { AppError, ErrorCode } from './app-error';

const FROM_HTTP: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

// invalid_text_representation, numeric_value_out_of_range, invalid_datetime_format, datetime_field_overflow.
const OUT_OF_RANGE = new Set(['22P02', '22003', '22007', '22008']);

/** Registered once as APP_FILTER: every failure leaves the service in one shape, internals stay in the log. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = toAppError(thrown);
    if (error.code === 'internal') this.logger.error(thrown);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
  }
}

export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof AppError) return thrown;
  if (thrown instanceof QueryFailedError) {
    const pg = thrown.driverError as { code?: string; constraint?: string };
    if (pg.code === '23505') return new AppError('conflict', 'That already exists.', [{ constraint: pg.constraint }]);
    // A NUL character (or one the database encoding cannot hold) in any string: bad input, not a fault.
    if (pg.code === '22021' || pg.code === '22P05')
      return new AppError(
        'validation_failed',
        'The request contains a character that cannot be stored (such as U+0000).',
      );
    // The edge checks input first; these are the backstop for a value the database alone finds out of range.
    if (pg.code && OUT_OF_RANGE.has(pg.code))
      return new AppError('validation_failed', 'A value in the request is out of range or not of the right form.');
    if (pg.code === '54001') return new AppError('too_deep', 'A value in the request nests too deeply.');
  }
  // body-parser errors carry a type; Nest's adapter wraps them in an HttpException with the error as cause.
  const parser = (thrown instanceof HttpException ? thrown.cause : thrown) as { type?: string } | undefined;
  if (parser instanceof RefusedBody) return parser.refusal;
  if (parser?.type === 'entity.parse.failed')
    return new AppError('malformed_json', 'The request body is not valid JSON.');
  if (parser?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported')
    return new AppError('unsupported_media_type', 'The request body encoding is not supported.');
  if (thrown instanceof HttpException) {
    const status = thrown.getStatus();
    if (status === 404) return new AppError('not_found', 'No such route.');
    const code = FROM_HTTP[status];
    if (code) return new AppError(code, thrown.message);
  }
  return new AppError('internal', 'An unexpected error occurred; it has been logged.');
}
