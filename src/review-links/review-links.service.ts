import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { newToken } from '../auth/token-hash';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import { type CreateReviewLinkBody, reviewUrl, toReviewLinkDto } from './review-links.dto';
import { type ReviewLinkRow, ReviewLinksRepository } from './review-links.repository';

// newToken's shape: a short prefix and 32 base64url characters; anything else is not worth a query.
const TOKEN = /^rvw_[A-Za-z0-9_-]{32}$/;

/**
 * Review links: signed (a random secret, stored hashed), expiring, revocable URLs that let a client view the
 * staging preview in a plain browser.
 */
@Injectable()
export class ReviewLinksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ReviewLinksRepository,
    private readonly audit: AuditService,
  ) {}

  async create(site: Site, body: CreateReviewLinkBody, principal: Principal, requestId?: string) {
    const token = newToken('rvw');
    const row = await this.transactions.run({}, async (tx) => {
      const created = await this.links.insert(tx, {
        siteId: site.id,
        label: body.label ?? '',
        token,
        expiresInHours: body.expiresInHours,
        createdBy: principal.actor,
      });
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'review_link.created',
          subject: created.id,
          details: { label: created.label, expiresAt: created.expiresAt },
          requestId,
        },
        tx,
      );
      return created;
    });
    return { ...toReviewLinkDto(row), url: reviewUrl(site.slug, token) };
  }

  async list(site: Site) {
    const now = new Date();
    return {
      items: (await this.links.list(this.transactions.autocommit, site.id)).map((row) => toReviewLinkDto(row, now)),
    };
  }

  async revoke(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    await this.transactions.run({}, async (tx) => {
      if (!(await this.links.revoke(tx, site.id, id))) throw new AppError('not_found', `No review link ${id}.`);
      await this.audit.record(
        { siteId: site.id, principal, action: 'review_link.revoked', subject: id, requestId },
        tx,
      );
    });
  }

  /** The link behind a token for this site, or null when the token is unknown, expired or revoked. */
  async verify(siteId: string, token: string): Promise<ReviewLinkRow | null> {
    if (!TOKEN.test(token)) return null;
    return this.links.findUsable(this.transactions.autocommit, siteId, token);
  }
}
