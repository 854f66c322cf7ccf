import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { sameSecret } from '../auth/token-hash';
import { TokensService } from '../auth/tokens.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { AppError } from '../platform/errors/app-error';
import { ReviewLinksService } from '../review-links/review-links.service';
import { readCookie, REVIEW_COOKIE } from './cookies';

/**
 * Staging is never public. A request may view it with a review link (?review=<token> once, then its cookie),
 * or with a site token of the site (owner, editor or reviewer) or the admin token as a Bearer header.
 */
@Injectable()
export class PreviewAccessService {
  constructor(
    private readonly reviewLinks: ReviewLinksService,
    private readonly tokens: TokensService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Throws unless the request may view this site's staging; a fresh ?review= token is returned to trade, and
   * the review link of a client's visit (its cookie) to approve by.
   */
  async check(
    request: Request,
    siteId: string,
  ): Promise<{ reviewToken?: { token: string; expiresAt: Date }; reviewLink?: { id: string; label: string } }> {
    const query = request.reviewQuery;
    if (query) {
      const link = await this.reviewLinks.verify(siteId, query);
      if (!link) throw expiredLink();
      return { reviewToken: { token: query, expiresAt: link.expiresAt } };
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      if (sameSecret(bearer, this.config.adminToken)) return {};
      const token = await this.tokens.findActive(bearer);
      if (token?.siteId === siteId) return {};
      throw new AppError('unauthenticated', 'The token is unknown, revoked, or belongs to another site.');
    }
    const cookie = readCookie(request, REVIEW_COOKIE);
    if (cookie) {
      const link = await this.reviewLinks.verify(siteId, cookie);
      if (link) return { reviewLink: { id: link.id, label: link.label } };
      throw expiredLink();
    }
    throw new AppError(
      'unauthenticated',
      'This is a staging preview. Open it through a review link, or send an editor’s token.',
    );
  }
}

function expiredLink(): AppError {
  return new AppError(
    'review_link_invalid',
    'This review link has expired or was revoked. Ask the site’s team for a new one.',
  );
}
