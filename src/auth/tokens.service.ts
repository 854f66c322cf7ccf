import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import type { Principal } from './principal';
import type { CreateTokenBody } from './token.dto';
import { newToken } from './token-hash';
import { type SiteTokenRow, TokensRepository } from './tokens.repository';

/** Site tokens: issued once (only their hash is kept), listed, revoked, and looked up by the guard. */
@Injectable()
export class TokensService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: TokensRepository,
    private readonly audit: AuditService,
  ) {}

  findActive(token: string): Promise<SiteTokenRow | null> {
    return this.tokens.findActiveByToken(this.transactions.autocommit, token);
  }

  /** Whether a token (by id) still stands: long-lived streams ask again. */
  isActive(id: string): Promise<boolean> {
    return this.tokens.isActive(this.transactions.autocommit, id);
  }

  async create(site: Site, body: CreateTokenBody, principal: Principal, requestId?: string) {
    const token = newToken(body.role.slice(0, 3));
    const row = await this.transactions.run({}, async (tx) => {
      const created = await this.tokens.insert(tx, site.id, body.role, body.label ?? '', token);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'token.created',
          subject: created.id,
          details: { role: body.role, label: created.label },
          requestId,
        },
        tx,
      );
      return created;
    });
    return { ...row, token };
  }

  list(site: Site) {
    return this.tokens.list(this.transactions.autocommit, site.id).then((items) => ({ items }));
  }

  async revoke(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    if (!(await this.tokens.revoke(this.transactions.autocommit, site.id, id)))
      throw new AppError('not_found', `No token ${id}.`);
    await this.audit.record({ siteId: site.id, principal, action: 'token.revoked', subject: id, requestId });
  }
}
