import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { EntityManager } from 'typeorm';
import type { MediaEnv, MediaStore } from '../../libs/media-storage';
import { queryRows } from '../platform/database/sql';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { StatesService } from '../states/states.service';

export interface CollectOptions {
  /** States, revisions and blobs younger than this are kept whatever refers to them (in-flight work). */
  graceSeconds?: number;
  /** Production states kept per site beyond heads and snapshots: the last few promotions, to look back at. */
  keepRecentStates?: number;
}

// States that stopped being production's head less than this long ago (skew protection serves their media).
const RETIRED_WITHIN = `
  select state_id from (
    select state_id, lead(became_head_at) over (partition by site_id order by id) as retired_at from head_history
  ) stints where retired_at is null or retired_at > now() - make_interval(mins => $3)`;

export interface CollectResult {
  states: number;
  revisions: number;
  blobs: { staging: number; production: number };
  ms: number;
}

/**
 * Deletes what no retained state references: production states that are no head, staging base (drift is
 * measured from it), snapshot, recent promotion (a selection's candidate, built only to be rendered, is kept
 * for the grace period alone), open or scheduled job's (a schedule's pinned state), the state
 * an undo of a head's promotion would put back, or a head retired within the skew grace period (a state a
 * retained delta's chain runs through is folded into that delta first, or kept when two share it); then revisions
 * that no state, staging entry or staging backup uses; then media blobs that no remaining media revision names.
 * It holds the content lock exclusively throughout, while
 * every writer holds it shared, so nothing can gain a reference to what it is deleting.
 */
@Injectable()
export class GarbageCollector {
  private readonly logger = new Logger(GarbageCollector.name);

  constructor(
    private readonly transactions: Transactions,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly states: StatesService,
  ) {}

  async collect({ graceSeconds = 3600, keepRecentStates = 3 }: CollectOptions = {}): Promise<CollectResult> {
    const started = performance.now();
    const result = await this.transactions.run({ contentLock: 'exclusive' }, async (tx) => {
      const states = await this.deleteStates(tx, graceSeconds, keepRecentStates);
      const revisions = await this.deleteRevisions(tx, graceSeconds);
      const kept = await this.referencedBlobs(tx);
      const graceStart = new Date(Date.now() - graceSeconds * 1000);
      const blobs = {
        staging: await this.deleteBlobs('staging', kept, graceStart),
        production: await this.deleteBlobs('production', kept, graceStart),
      };
      return { states, revisions, blobs };
    });
    const done = { ...result, ms: Math.round(performance.now() - started) };
    this.logger.log(`garbage collected: ${JSON.stringify(done)}`);
    return done;
  }

  private async deleteStates(tx: EntityManager, graceSeconds: number, keepRecent: number): Promise<number> {
    const retained = await queryRows<{ id: number }>(
      tx,
      `with retained as (
         select head_state_id as id from environments where head_state_id is not null
         union select base_state_id from environments where base_state_id is not null
         union select state_id from snapshots
         union select id from (select id, row_number() over (partition by site_id order by id desc) as rank
                               from content_states where origin not in ('initial', 'candidate')) recent where rank <= $1
         union select id from content_states where created_at > now() - make_interval(secs => $2)
         union select (result->>'stateId')::bigint from jobs
               where status in ('scheduled', 'queued', 'running') and result ? 'stateId'
         union select (j.result->>'fromStateId')::bigint from jobs j
               join environments e on e.site_id = j.site_id and e.name = 'production'
                 and e.head_state_id = (j.result->>'stateId')::bigint
               where j.kind = 'promotion' and j.status = 'succeeded' and j.result ? 'fromStateId'
         union ${RETIRED_WITHIN}
       )
       select id::int from retained where id is not null`,
      [keepRecent, graceSeconds, this.config.skewGraceMinutes],
    );
    const ids = retained.map((r) => r.id);
    // A state kept only as a link of a retained delta's chain is folded into the delta built on it, so it goes too.
    await this.states.foldIntermediates(tx, ids);
    const rows = await queryRows(
      tx,
      `with needed as (
         select unnest($1::bigint[]) as id
         union select unnest(c.ancestors) from content_states c where c.id = any($1::bigint[])
       )
       delete from content_states c where not exists (select 1 from needed n where n.id = c.id) returning c.id`,
      [ids],
    );
    return rows.length;
  }

  private async deleteRevisions(tx: EntityManager, graceSeconds: number): Promise<number> {
    const rows = await queryRows(
      tx,
      `delete from revisions r
       where r.created_at < now() - make_interval(secs => $1)
         and not exists (select 1 from state_entries e where e.revision_id = r.id)
         and not exists (select 1 from staging_entries s where s.data_revision_id = r.id)
         and not exists (select 1 from staging_entries s where s.published_revision_id = r.id)
         and not exists (select 1 from staging_backup_entries b where b.data_revision_id = r.id)
         and not exists (select 1 from staging_backup_entries b where b.published_revision_id = r.id)
       returning r.id`,
      [graceSeconds],
    );
    return rows.length;
  }

  // Both buckets keep every blob a remaining media revision names: a staging reset may bring any of them back.
  private async referencedBlobs(tx: EntityManager): Promise<Set<string>> {
    const rows: { sha256: string }[] = await tx.query(
      `select distinct body->>'sha256' as sha256 from revisions where type = 'media'`,
    );
    return new Set(rows.map((r) => r.sha256));
  }

  private async deleteBlobs(env: MediaEnv, kept: Set<string>, graceStart: Date): Promise<number> {
    const doomed: string[] = [];
    for await (const blob of this.store.listBlobs(env)) {
      if (!kept.has(blob.sha256) && blob.lastModified < graceStart) doomed.push(blob.sha256);
    }
    if (doomed.length) await this.store.deleteMany(env, doomed);
    await this.store.deleteStaleUploads(env, graceStart);
    return doomed.length;
  }
}
