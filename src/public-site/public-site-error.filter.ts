import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SiteRenderer } from '../../libs/site-renderer';
import { toAppError } from '../platform/errors/error.filter';
import { setFramingAndScriptPolicy } from './rendered-response';
import { wantsJson } from './site-path';

const TITLES: Record<number, string> = {
  400: 'Please check the form',
  401: 'This preview is private',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'Something changed',
  413: 'Too large',
  429: 'Too many requests',
  503: 'Back soon',
};

/**
 * Failures on the public site: an HTML page for browsers (listing what to fix, for a form), the API's JSON
 * error shape for everyone else. Never cached.
 */
@Catch()
export class PublicSiteErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicSite');

  constructor(private readonly renderer: SiteRenderer) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = toAppError(thrown);
    if (error.code === 'internal') this.logger.error(thrown);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.setHeader('Cache-Control', 'no-store');
    if (wantsJson(request)) {
      response
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, details: error.details } });
      return;
    }
    const target = request.siteTarget;
    const page = this.renderer.notice(
      null,
      { forms: new Map(), media: new Map() },
      { base: target?.base ?? '', env: 'production' },
      {
        title: TITLES[error.status] ?? 'Something went wrong',
        message: error.message,
        items: error.details.map(describeDetail).filter((d): d is string => d !== null),
      },
    );
    setFramingAndScriptPolicy(response, page.contentSecurityPolicy);
    response.status(error.status).type('html').send(page.html);
  }
}

function describeDetail(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { path, message } = detail as { path?: unknown; message?: unknown };
  if (typeof message !== 'string') return null;
  return typeof path === 'string' ? `${path.replace(/^body\./, '')}: ${message}` : message;
}
