import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { RefusedBody } from '../validation/json-body-guard';
import { toAppError } from './error.filter';

describe('toAppError', () => {
  it('keeps an AppError as it is', () => {
    const error = new AppError('stale_preview', 'changed', [{ a: 1 }]);
    expect(toAppError(error)).toBe(error);
  });

  it('hides an unexpected error behind a generic 500', () => {
    const mapped = toAppError(new Error('connect ECONNREFUSED 10.0.0.5:5432 at Client.query (/srv/app/x.js:1)'));
    expect(mapped.code).toBe('internal');
    expect(mapped.status).toBe(500);
    expect(mapped.message).not.toMatch(/ECONNREFUSED|5432|\/srv/);
    expect(mapped.details).toEqual([]);
  });

  it('turns a unique violation into a 409 conflict naming the constraint, not the SQL', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "sites_slug_key"'), {
      code: '23505',
      constraint: 'sites_slug_key',
    });
    const mapped = toAppError(new QueryFailedError('insert into sites …', [], driverError));
    expect(mapped).toMatchObject({ code: 'conflict', details: [{ constraint: 'sites_slug_key' }] });
    expect(mapped.message).not.toMatch(/insert/);
  });

  it('maps body-parser errors wrapped by Nest', () => {
    const parse = new BadRequestException('Unexpected token', {
      cause: Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }),
    });
    expect(toAppError(parse).code).toBe('malformed_json');
    const large = new HttpException('too large', 413, { cause: { type: 'entity.too.large' } });
    expect(toAppError(large).code).toBe('payload_too_large');
  });

  it('answers an unknown route with not_found', () => {
    expect(toAppError(new NotFoundException('Cannot GET /x')).code).toBe('not_found');
  });
});

describe('toAppError with characters the database refuses', () => {
  it('answers a NUL byte in a string with 400, not 500', () => {
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    expect(toAppError(new QueryFailedError('insert …', [], driverError))).toMatchObject({ code: 'validation_failed' });
  });
});

describe('toAppError as a backstop for values the database finds out of range', () => {
  const pgError = (code: string) =>
    new QueryFailedError('select …', [], Object.assign(new Error('out of range'), { code }));

  it.each(['22P02', '22003', '22007', '22008'])('answers PostgreSQL %s with 400 validation_failed', (code) => {
    expect(toAppError(pgError(code))).toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it('answers a stack depth overflow in PostgreSQL with 400 too_deep', () => {
    expect(toAppError(pgError('54001'))).toMatchObject({ code: 'too_deep', status: 400 });
  });

  it('answers a body refused at the edge with the refusal it carries, as Nest wraps it', () => {
    const refusal = new AppError('invalid_unicode', 'lone surrogate', [{ path: 'body', message: 'x' }]);
    const wrapped = new HttpException('lone surrogate', 400, { cause: new RefusedBody(refusal) });
    expect(toAppError(wrapped)).toBe(refusal);
  });
});
