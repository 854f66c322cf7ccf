import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { EntityManager } from 'typeorm';
import { describeChange, type Delta } from '../../libs/diff-engine';
import { isContentType, validateKey } from '../../libs/content-model';
import { AppError } from '../platform/errors/app-error';
import { type CursorCodec, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';
import type { Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { type Fingerprint, fingerprintOf, formatFingerprint } from './fingerprint';
import { ChangedEntry, PreviewRepository, TypeSummary } from './preview.repository';

export interface PreviewChange {
  type: string;
  key: string;
  op: 'added' | 'changed' | 'removed';
  delta?: Delta;
  /** The whole body for an added (staging's) or removed (production's) entity. */
  data?: unknown;
  staging: { version: number | null };
  production: { version: number | null };
}

export interface Preview {
  fingerprint: string;
  staging: { version: number };
  production: { version: number; stateId: number };
  summary: {
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    byType: Record<string, Omit<TypeSummary, 'type'>>;
  };
  changes: PreviewChange[];
  nextCursor: string | null;
}

export interface PreviewQuery {
  limit: number;
  cursor?: string;
  type?: string;
}

/** What a promotion would change, and the fingerprint of exactly the two manifests compared. */
@Injectable()
export class PreviewService {
  constructor(
    private readonly transactions: Transactions,
    private readonly previews: PreviewRepository,
    private readonly environments: EnvironmentsService,
  ) {}

  async preview(site: Site, query: PreviewQuery): Promise<Preview> {
    if (query.type !== undefined && !isContentType(query.type))
      throw new AppError('validation_failed', `"${query.type.slice(0, 50)}" is not a content type.`, [
        { path: 'query.type', message: 'must be a content type' },
      ]);
    const after = decodeCursor(changeCursor, query.cursor);
    // One snapshot for everything read: the fingerprint names exactly the manifests the diff compared.
    return this.transactions.run({ isolation: 'REPEATABLE READ' }, async (tx) => {
      const { fingerprint, stagingVersion, productionVersion } = await this.current(tx, site.id);
      const summaries = await this.previews.summary(tx, site.id, fingerprint.headStateId);
      const entries = await this.previews.changes(tx, site.id, fingerprint.headStateId, {
        limit: query.limit + 1,
        after,
        type: query.type,
      });
      const page = keysetPage(entries, query.limit, changeCursor, ({ type, key }) => ({ type, key }));
      return {
        fingerprint: formatFingerprint(fingerprint),
        staging: { version: stagingVersion },
        production: { version: productionVersion, stateId: fingerprint.headStateId },
        summary: summarize(summaries),
        changes: await this.describe(tx, page.items),
        nextCursor: page.nextCursor,
      };
    });
  }

  async totals(tx: EntityManager, siteId: string, headStateId: number): Promise<Omit<Preview['summary'], 'byType'>> {
    const { byType: _byType, ...totals } = summarize(await this.previews.summary(tx, siteId, headStateId));
    return totals;
  }

  /** The fingerprint of staging and production as they are now (in the caller's transaction). */
  async current(
    tx: EntityManager,
    siteId: string,
  ): Promise<{ fingerprint: Fingerprint; stagingVersion: number; productionVersion: number }> {
    return fingerprintOf(await this.environments.findForSites([siteId], tx));
  }

  private async describe(tx: EntityManager, entries: ChangedEntry[]): Promise<PreviewChange[]> {
    const ids = entries
      .flatMap((e) => [e.stagingRevisionId, e.productionRevisionId])
      .filter((id): id is string => id !== null);
    const bodies = await this.previews.bodies(tx, [...new Set(ids)]);
    return entries.map((entry) => {
      const left = entry.productionRevisionId ? bodies.get(entry.productionRevisionId) : undefined;
      const right = entry.stagingRevisionId ? bodies.get(entry.stagingRevisionId) : undefined;
      // Different revisions always mean different canonical bodies, so a change is never null here.
      const change = describeChange(left, right) ?? { op: 'changed' as const, delta: undefined };
      return {
        type: entry.type,
        key: entry.key,
        op: change.op,
        ...(change.op === 'changed' ? { delta: change.delta } : { data: change.op === 'added' ? right : left }),
        staging: { version: entry.stagingVersion },
        production: { version: entry.productionVersion },
      };
    });
  }
}

function summarize(rows: TypeSummary[]): Preview['summary'] {
  const summary: Preview['summary'] = { added: 0, changed: 0, removed: 0, unchanged: 0, byType: {} };
  for (const { type, ...counts } of rows) {
    summary.added += counts.added;
    summary.changed += counts.changed;
    summary.removed += counts.removed;
    summary.unchanged += counts.unchanged;
    summary.byType[type] = counts;
  }
  return summary;
}

// The diff is ordered by (type, key): the last change's pair is where the next page starts.
const changeCursor: CursorCodec<{ type: string; key: string }> = {
  encode: ({ type, key }) => Buffer.from(`${type}/${key}`).toString('base64url'),
  decode: (cursor) => {
    const [type, key, ...rest] = Buffer.from(cursor, 'base64url').toString().split('/');
    return isContentType(type) && key && !validateKey(key) && rest.length === 0 ? { type, key } : undefined;
  },
};
