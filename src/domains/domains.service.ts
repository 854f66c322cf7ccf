import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvName, Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import type { PutDomainsBody } from './domains.dto';
import { type DomainRow, DomainsRepository, type DomainRoute } from './domains.repository';
import { normalizeHost } from './host-name';
import { assertMayRead } from '../visitor-data/visitor-data-access';

/** An environment's domains: a host belongs to one environment of one site, and exactly one is primary. */
@Injectable()
export class DomainsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly domains: DomainsRepository,
    private readonly environments: EnvironmentsService,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
  ) {}

  async list(site: Site, env: EnvName, principal: Principal): Promise<{ domains: DomainRow[] }> {
    assertMayRead(principal, env);
    return { domains: await this.domains.list(this.transactions.autocommit, site.id, env) };
  }

  async replace(
    site: Site,
    env: EnvName,
    body: PutDomainsBody,
    principal: Principal,
    requestId?: string,
  ): Promise<{ domains: DomainRow[] }> {
    const wanted = checkDomains(body);
    const domains = await this.transactions.run({}, async (tx) => {
      // Concurrent replacements of one environment's domains serialise on its row.
      await this.environments.lock(tx, site.id, env);
      const taken = await this.domains.takenElsewhere(
        tx,
        site.id,
        env,
        wanted.map((d) => d.host),
      );
      if (taken.length)
        throw new AppError(
          'domain_taken',
          `${taken.join(', ')} already belong${taken.length === 1 ? 's' : ''} to another environment.`,
          taken.map((host) => ({ host })),
        );
      const before = await this.domains.list(tx, site.id, env);
      await this.domains.replace(tx, site.id, env, wanted);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'domains.replaced',
          subject: env,
          details: { before, after: wanted },
          requestId,
        },
        tx,
      );
      return this.domains.list(tx, site.id, env);
    });
    // Not awaited: with Redis unreachable a publish waits for the reconnection; nodes re-read within 10 s.
    void this.events.publish({ siteId: site.id, env, kind: 'domains' });
    return { domains };
  }

  route(host: string): Promise<DomainRoute | null> {
    return this.domains.route(this.transactions.autocommit, host);
  }
}

function checkDomains(body: PutDomainsBody): DomainRow[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const domains: DomainRow[] = [];
  body.domains.forEach((domain, index) => {
    const host = normalizeHost(domain.host);
    if (!host)
      problems.push({
        path: `body.domains[${index}].host`,
        message: 'must be a domain name such as www.example.com (no scheme, port or path, not an IP address)',
      });
    else if (seen.has(host)) problems.push({ path: `body.domains[${index}].host`, message: 'is listed twice' });
    else {
      seen.add(host);
      domains.push({ host, primary: domain.primary === true });
    }
  });
  const primaries = body.domains.filter((d) => d.primary === true).length;
  if (body.domains.length > 0 && primaries !== 1)
    problems.push({ path: 'body.domains', message: `exactly one domain must be primary (found ${primaries})` });
  if (problems.length) throw new AppError('validation_failed', 'The domains are not valid.', problems);
  return domains;
}
