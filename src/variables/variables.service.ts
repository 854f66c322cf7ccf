import { Injectable } from '@nestjs/common';
import { VARIABLE_NAME } from '../../libs/content-model';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import { Transactions } from '../platform/database/transactions';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvName, Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import type { PutVariablesBody } from './variables.dto';
import { type VariableRow, VariablesRepository } from './variables.repository';

export interface VariableView {
  value: string | null;
  secret: boolean;
  masked?: string;
}

/**
 * Each environment's own values for `{{env.NAME}}`: never promoted, never in a content state or a diff.
 * Secrets are write-only through the API and never rendered into a page.
 */
@Injectable()
export class VariablesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly variables: VariablesRepository,
    private readonly environments: EnvironmentsService,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
  ) {}

  async list(site: Site, env: EnvName): Promise<{ variables: Record<string, VariableView> }> {
    return { variables: viewOf(await this.variables.list(this.transactions.autocommit, site.id, env)) };
  }

  async replace(
    site: Site,
    env: EnvName,
    body: PutVariablesBody,
    principal: Principal,
    requestId?: string,
  ): Promise<{ variables: Record<string, VariableView> }> {
    const rows = await this.transactions.run({}, async (tx) => {
      // Concurrent replacements of one environment's variables serialise on its row.
      await this.environments.lock(tx, site.id, env);
      const before = await this.variables.list(tx, site.id, env);
      const wanted = rowsOf(body, new Map(before.map((r) => [r.name, r])));
      await this.variables.replace(tx, site.id, env, wanted);
      await this.audit.record(
        {
          siteId: site.id,
          principal,
          action: 'variables.replaced',
          subject: env,
          // Names only: a value may be a key, and the audit log is read by every owner and editor.
          details: { before: before.map((r) => r.name), after: wanted.map((r) => r.name) },
          requestId,
        },
        tx,
      );
      return wanted;
    });
    // Not awaited: with Redis unreachable a publish waits for the reconnection; nodes re-read within a minute.
    void this.events.publish({ siteId: site.id, env, kind: 'variables' });
    return { variables: viewOf(rows) };
  }

  /** The values a page of the environment renders with: every variable but the secrets. */
  async renderedValues(siteId: string, env: EnvName): Promise<Record<string, string>> {
    const rows = await this.variables.list(this.transactions.autocommit, siteId, env);
    return Object.fromEntries(rows.filter((r) => !r.secret).map((r) => [r.name, r.value]));
  }

  /** The names an environment defines, secrets included. */
  async definedNames(siteId: string, env: EnvName): Promise<string[]> {
    return (await this.variables.list(this.transactions.autocommit, siteId, env)).map((r) => r.name);
  }
}

function rowsOf(body: PutVariablesBody, before: Map<string, VariableRow>): VariableRow[] {
  const problems: { path: string; message: string }[] = [];
  const rows = Object.entries(body).flatMap(([name, given]): VariableRow[] => {
    if (!VARIABLE_NAME.test(name)) {
      problems.push({
        path: `body.${name.slice(0, 70)}`,
        message: 'must be a name of capitals, digits and underscores starting with a capital (at most 64)',
      });
      return [];
    }
    if (typeof given === 'string') return [{ name, value: given, secret: false }];
    if ('keep' in given) {
      const kept = before.get(name);
      if (kept) return [kept];
      problems.push({ path: `body.${name}`, message: 'keeps nothing: the environment has no such variable' });
      return [];
    }
    return [{ name, value: given.value, secret: given.secret === true }];
  });
  if (problems.length) throw new AppError('validation_failed', 'The variables are not valid.', problems);
  return rows.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function viewOf(rows: VariableRow[]): Record<string, VariableView> {
  return Object.fromEntries(
    rows.map((r) => [
      r.name,
      r.secret
        ? { value: null, secret: true, masked: `••••${r.value.length > 8 ? r.value.slice(-2) : ''}` }
        : { value: r.value, secret: false },
    ]),
  );
}
