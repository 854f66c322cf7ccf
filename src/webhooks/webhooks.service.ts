import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { bigintCursor, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';
import type { Site } from '../sites/site.types';
import { resolveHost } from './webhook-address';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { newWebhookSecret } from './webhook-signature';
import { type CreateWebhookBody, MAX_WEBHOOK_URL_LENGTH, type WebhookDto } from './webhooks.dto';
import { WebhooksRepository } from './webhooks.repository';

// Enough for every integration a site has; a bound, so one site cannot fan an event out without limit.
const MAX_WEBHOOKS_PER_SITE = 20;

const badUrl = (message: string) =>
  new AppError('validation_failed', 'The webhook URL cannot be used.', [{ path: 'body.url', message }]);

/** Signed webhooks: a site's receivers of its release events, and the log of what each was sent. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly audit: AuditService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The new webhook with its signing secret, the only time the secret is shown. */
  async create(site: Site, body: CreateWebhookBody, principal: Principal, requestId?: string) {
    const url = await this.checkedUrl(body.url);
    const secret = body.secret ?? newWebhookSecret();
    const webhook = await this.transactions.run({}, async (tx) => {
      if ((await this.webhooks.count(tx, site.id)) >= MAX_WEBHOOKS_PER_SITE)
        throw new AppError('conflict', `A site has at most ${MAX_WEBHOOKS_PER_SITE} webhooks; delete one first.`);
      const created = await this.webhooks.insert(tx, {
        siteId: site.id,
        url,
        events: body.events,
        secret,
        createdBy: principal.actor,
      });
      // The host only: a receiver's URL may carry its own secret in its path or query.
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'webhook.created',
          subject: created.id,
          details: { host: new URL(url).host, events: body.events },
          requestId,
        },
        tx,
      );
      return created;
    });
    return { ...webhook, secret };
  }

  async list(site: Site): Promise<{ items: WebhookDto[] }> {
    return { items: await this.webhooks.list(this.transactions.autocommit, site.id) };
  }

  async delete(site: Site, id: string, principal: Principal, requestId?: string): Promise<void> {
    await this.transactions.run({}, async (tx) => {
      if (!(await this.webhooks.delete(tx, site.id, id))) throw new AppError('not_found', `No webhook ${id}.`);
      await this.audit.record({ siteId: site.id, principal, action: 'webhook.deleted', subject: id, requestId }, tx);
    });
  }

  /** A webhook's deliveries, newest event first, each with every attempt. */
  async deliveriesOf(site: Site, id: string, limit: number, cursor?: string) {
    if (!(await this.webhooks.find(this.transactions.autocommit, site.id, id)))
      throw new AppError('not_found', `No webhook ${id}.`);
    const before = decodeCursor(bigintCursor, cursor) ?? null;
    const rows = await this.deliveries.listForWebhook(this.transactions.autocommit, id, limit + 1, before);
    const page = keysetPage(rows, limit, bigintCursor, (row) => row.auditId);
    return { items: page.items.map((row) => row.delivery), nextCursor: page.nextCursor };
  }

  /** http(s), no credentials in it, and a host whose every address is public (unless private ones are allowed). */
  private async checkedUrl(given: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw badUrl('is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUrl('must be an http:// or https:// URL');
    if (url.username || url.password) throw badUrl('must not carry a user name or password');
    if (url.href.length > MAX_WEBHOOK_URL_LENGTH) throw badUrl(`must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
    const resolved = await resolveHost(url.hostname, this.config.webhooks.allowPrivateAddresses);
    if ('refusal' in resolved)
      throw badUrl(
        resolved.refusal.reason === 'private'
          ? `resolves to ${resolved.refusal.address}, a private, loopback, link-local or otherwise non-public address`
          : 'has a host name that does not resolve',
      );
    return url.href;
  }
}
