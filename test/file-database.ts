import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type ContentType, referenceKeys } from '../libs/content-model';
import { cloneDatabase } from '../src/platform/bootstrap/private-run';
import { dataSourceOptions } from '../src/platform/database/data-source';

export interface FileDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A database of the test file's own, copied from the run's migrated template (CREATE DATABASE … TEMPLATE,
 * as immich and Ghost do): a focused spec starts from the empty schema and cannot see another file's rows.
 */
export async function fileDatabase(label: string): Promise<FileDatabase> {
  const templateUrl = process.env.TEMPLATE_DATABASE_URL;
  if (!templateUrl) throw new Error('TEMPLATE_DATABASE_URL is unset: run through jest (test/global-setup.ts)');
  const template = templateUrl.replace(/.*\//, '');
  const serverUrl = templateUrl.replace(/\/[^/]+$/, '/postgres');
  const name = `${template.replace(/_template$/, '')}_${label.replace(/\W+/g, '_')}_${process.pid}`;
  await cloneDatabase(serverUrl, template, name);
  const dataSource = new DataSource({ ...dataSourceOptions(serverUrl.replace(/\/postgres$/, `/${name}`)) });
  await dataSource.initialize();
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Rows written straight into a file database, to set up the SQL under test without the services. */
export class ManifestRows {
  constructor(private readonly db: DataSource) {}

  async site(): Promise<string> {
    const id = randomUUID();
    await this.db.query(`insert into sites (id, slug, name) values ($1, $2, 'S')`, [id, `s-${id.slice(0, 8)}`]);
    return id;
  }

  /** A stored body (the hash need only be unique here); returns its revision id. */
  async revision(type: string, body: object): Promise<string> {
    const [row] = await this.db.query(
      `insert into revisions (hash, type, body, refs) values ($1, $2, $3, $4) returning id::text`,
      [randomUUID(), type, JSON.stringify(body), JSON.stringify(referenceKeys(type as ContentType, body))],
    );
    return row.id;
  }

  async staging(
    siteId: string,
    entry: { type: string; key: string; data: string; published?: string | null; version?: number; route?: string },
  ): Promise<void> {
    await this.db.query(
      `insert into staging_entries (site_id, type, key, data_revision_id, published_revision_id, version, route)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [siteId, entry.type, entry.key, entry.data, entry.published ?? null, entry.version ?? 1, entry.route ?? null],
    );
  }

  /** A production state with the given entries; returns its id. */
  async state(
    siteId: string,
    entries: { type: string; key: string; revision: string; version: number; route?: string }[],
  ): Promise<number> {
    const [state] = await this.db.query(
      `insert into content_states (site_id, origin, entity_count) values ($1, 'promotion', $2) returning id::int`,
      [siteId, entries.length],
    );
    for (const e of entries)
      await this.db.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route) values ($1, $2, $3, $4, $5, $6)`,
        [state.id, e.type, e.key, e.revision, e.version, e.route ?? null],
      );
    return state.id;
  }

  async entriesOf(stateId: number): Promise<{ type: string; key: string; revision: string; version: number }[]> {
    return this.db.query(
      `select type, key, revision_id::text as revision, version from state_manifest($1) order by type, key`,
      [stateId],
    );
  }
}
