import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';

export type VisualDiffStatus = 'pending' | 'ready' | 'failed';

/** What is compared: production's head state against the candidate (a preview's fingerprint). */
export interface ComparedPair {
  siteId: string;
  productionStateId: number;
  candidate: string;
}

export interface VisualDiffRow extends ComparedPair {
  id: string;
  /** The candidate's path (part of the cache key); production is rendered at `beforePath`. */
  path: string;
  beforePath: string;
  width: number;
  entityType: string;
  entityKey: string;
  status: VisualDiffStatus;
  changedPercent: number | null;
  reason: string | null;
}

export interface RequestedDiff {
  path: string;
  beforePath: string;
  width: number;
  entityType: string;
  entityKey: string;
}

const COLUMNS = `id, site_id as "siteId", production_state_id::int as "productionStateId", candidate, path,
  before_path as "beforePath", width, entity_type as "entityType", entity_key as "entityKey", status,
  changed_percent as "changedPercent", reason`;

/** The visual diff's cache: one row per (production state, candidate, path, width), kept once computed. */
@Injectable()
export class VisualDiffsRepository {
  /** Asks for each comparison not yet known; answers the rows it created (the ones to queue). */
  async request(tx: EntityManager, pair: ComparedPair, diffs: readonly RequestedDiff[]): Promise<VisualDiffRow[]> {
    if (diffs.length === 0) return [];
    return tx.query(
      `insert into visual_diffs (site_id, production_state_id, candidate, path, before_path, width, entity_type, entity_key)
       select $1, $2, $3, d.path, d.before_path, d.width, d.entity_type, d.entity_key
       from jsonb_to_recordset($4::jsonb) as d(path text, before_path text, width int, entity_type text, entity_key text)
       on conflict (site_id, production_state_id, candidate, path, width) do nothing
       returning ${COLUMNS}`,
      [
        pair.siteId,
        pair.productionStateId,
        pair.candidate,
        JSON.stringify(
          diffs.map((d) => ({
            path: d.path,
            before_path: d.beforePath,
            width: d.width,
            entity_type: d.entityType,
            entity_key: d.entityKey,
          })),
        ),
      ],
    );
  }

  listFor(tx: EntityManager, pair: ComparedPair, paths: readonly string[], widths: readonly number[]) {
    return tx.query(
      `select ${COLUMNS} from visual_diffs
       where site_id = $1 and production_state_id = $2 and candidate = $3 and path = any($4) and width = any($5)`,
      [pair.siteId, pair.productionStateId, pair.candidate, paths, widths],
    ) as Promise<VisualDiffRow[]>;
  }

  async find(tx: EntityManager, siteId: string, id: string): Promise<VisualDiffRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from visual_diffs where site_id = $1 and id = $2`, [siteId, id]);
    return rows[0] ?? null;
  }

  /** Those of the rows that are still pending, narrowest first. */
  findPending(tx: EntityManager, ids: readonly string[]): Promise<VisualDiffRow[]> {
    return tx.query(
      `select ${COLUMNS} from visual_diffs where id = any($1::uuid[]) and status = 'pending' order by width`,
      [ids],
    );
  }

  /** False when it was no longer pending (another copy of the job finished it). */
  async finish(
    tx: EntityManager,
    id: string,
    outcome: { status: 'ready'; changedPercent: number } | { status: 'failed'; reason: string },
  ): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update visual_diffs set status = $2, changed_percent = $3, reason = $4, finished_at = now()
       where id = $1 and status = 'pending' returning id`,
      [
        id,
        outcome.status,
        outcome.status === 'ready' ? outcome.changedPercent : null,
        outcome.status === 'failed' ? outcome.reason.slice(0, 500) : null,
      ],
    );
    return rows.length > 0;
  }
}
