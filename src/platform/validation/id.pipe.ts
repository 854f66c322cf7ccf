import { PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error';

// Lowercase letters, digits and dashes, 1-63, like a DNS label: a slug can be part of a host name.
export const SITE_SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$';
const SITE_SLUG = new RegExp(SITE_SLUG_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
export const isSiteSlug = (value: string): boolean => SITE_SLUG.test(value);
/** What a `:site` may be, a site's id or slug; anything else names no site and needs no query. */
export const isSiteRef = (value: string): boolean => isUuid(value) || isSiteSlug(value);

/**
 * A route's `:id` of a uuid-keyed resource (job, snapshot, backup, review link, token). Anything else is an id
 * nothing has: 404 before any query, with the same message as a well-formed id that is not there.
 */
export class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw new AppError('not_found', `No ${this.what} ${String(value).slice(0, 60)}.`);
    return value;
  }
}
