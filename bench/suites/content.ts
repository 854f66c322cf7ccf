import { Client } from 'pg';
import {
  generateSite,
  mediaBytes,
  mediaKey,
  mulberry32,
  mutateEntity,
  type SiteEntity,
} from '../../libs/site-generator';
import { api, benchServices, bootApp, median, p99, round, timed } from '../harness';
import { type BenchTable, writeSuiteResult } from '../results';

const SITE_SIZES = [10_000, 100_000];
const MEDIA_FILES = 100;
const MEDIA_SIZE_BYTES = 4096;
// One at a time: the embedded S3 server (s3rver) removes its empty tmp/ folder after each upload's copy,
// which races with a concurrent upload writing there and crashes the process (ENOENT).
const UPLOADS_IN_FLIGHT = 1;
const IMPORT_MAX_ENTITIES = 1000;
// The API's JSON body limit is 2 MiB (src/platform/bootstrap/create-app.ts); 1,000 generated pages come close to it, so a
// batch also ends before its JSON passes 1.9 MiB.
const IMPORT_MAX_BYTES = 1.9 * 2 ** 20;
const REQUESTS = 2000;
const CONCURRENCY = 8;

type Call = <T = any>(method: string, route: string, body?: unknown) => Promise<T>;

/**
 * Content at scale through the HTTP API: seeding staging sites of 10,000 and 100,000 entities with the
 * import endpoint, single-entity writes and reads against the 10,000 one, and the database size per entity.
 */
export async function runContentBench(): Promise<void> {
  const services = await benchServices();
  const database = new Client({ connectionString: services.databaseUrl });
  let app: Awaited<ReturnType<typeof bootApp>>['app'] | undefined;
  try {
    const booted = await bootApp(services.env);
    app = booted.app;
    const url = booted.url;
    const admin = api(url, services.env.ADMIN_TOKEN);
    await database.connect();
    const seeding: BenchTable['rows'] = [];
    const storage: BenchTable['rows'] = [];
    const sites = new Map<number, { slug: string; entities: SiteEntity[] }>();
    for (const size of SITE_SIZES) {
      const slug = `bench-${size / 1000}k`;
      await admin('POST', '/api/sites', { slug, name: `Bench ${size}` });
      const sizeBefore = await contentBytes(database);
      const uploads = await timed(() => uploadMedia(url, services.env.ADMIN_TOKEN, slug));
      const imported = await timed(() => importSite(admin, slug, size, size === 10_000));
      const sizeAfter = await contentBytes(database);
      sites.set(size, { slug, entities: imported.value.kept });
      seeding.push({
        'site (entities)': size,
        'media uploaded (files)': MEDIA_FILES,
        'media upload (s)': round(uploads.ms / 1000, 2),
        'import calls': imported.value.calls.length,
        'import (s)': round(imported.ms / 1000, 1),
        'import (entities/s)': Math.round(size / (imported.ms / 1000)),
        'import call median (ms)': round(median(imported.value.calls)),
        'import call p99 (ms)': round(p99(imported.value.calls)),
      });
      const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
      const revisions = sizeAfter.revisions - sizeBefore.revisions;
      const entries = sizeAfter.stagingEntries - sizeBefore.stagingEntries;
      storage.push({
        'site (entities)': size,
        'revisions + indexes (MB)': mb(revisions),
        'staging_entries + indexes (MB)': mb(entries),
        'total (MB)': mb(revisions + entries),
        'per 10,000 entities (MB)': mb(((revisions + entries) * 10_000) / size),
      });
      process.stderr.write(`seeded ${slug} in ${round(imported.ms / 1000, 1)} s\n`);
    }

    const { slug, entities } = sites.get(10_000)!;
    const editable = entities.filter((e) => e.type !== 'media');
    const pick = mulberry32(42);
    const targets = Array.from({ length: REQUESTS }, () => editable[Math.floor(pick() * editable.length)]);
    const path = (e: SiteEntity) => `/api/sites/${slug}/staging/content/${e.type}/${e.key}`;
    const perRequest: BenchTable['rows'] = [];
    for (const concurrency of [1, CONCURRENCY]) {
      const writes = await measure(targets, concurrency, (e, i) =>
        admin('PUT', path(e), { data: mutateEntity(e, concurrency * REQUESTS + i).data }),
      );
      const reads = await measure(targets, concurrency, (e) => admin('GET', path(e)));
      for (const [operation, run] of [
        ['PUT (write one entity)', writes],
        ['GET (read one entity)', reads],
      ] as const)
        perRequest.push({
          operation,
          concurrency,
          requests: REQUESTS,
          'throughput (requests/s)': Math.round(REQUESTS / (run.totalMs / 1000)),
          'latency median (ms)': round(median(run.latencies), 2),
          'latency p99 (ms)': round(p99(run.latencies), 2),
        });
    }

    writeSuiteResult({
      suite: 'content',
      tables: [
        {
          title: 'Seeding staging through POST /api/sites/:site/staging/import',
          note:
            `Generated page-builder sites (libs/site-generator; pages and posts average about 1.9 KB of JSON and ` +
            `are imported with publish: true), at most ${IMPORT_MAX_ENTITIES} entities and 1.9 MiB per call, one ` +
            `call at a time. The ${MEDIA_FILES} media files (${MEDIA_SIZE_BYTES} bytes each) are uploaded first ` +
            `through POST …/staging/media one at a time; the import then checks their bytes in S3.`,
          rows: seeding,
        },
        {
          title: 'Single-entity writes and reads through the HTTP API (the 10,000-entity site)',
          note:
            `${REQUESTS} requests per row from one process (the API runs in the same process), to entities drawn ` +
            'at random; a PUT sends a plausible edit of the entity (libs/site-generator mutateEntity).',
          rows: perRequest,
        },
        {
          title: 'Database size of staging content',
          note:
            'pg_total_relation_size (table, indexes and TOAST) of revisions and staging_entries before and after ' +
            'seeding each site; the sites share no bodies (different generator seeds).',
          rows: storage,
        },
      ],
    });
  } finally {
    await database.end().catch(() => {});
    await app?.close();
    await services.close();
  }
}

async function uploadMedia(url: string, token: string, slug: string): Promise<void> {
  let next = 0;
  const upload = async () => {
    while (next < MEDIA_FILES) {
      const index = next++;
      const form = new FormData();
      form.set('key', mediaKey(index));
      form.set(
        'file',
        new Blob([new Uint8Array(mediaBytes(index, MEDIA_SIZE_BYTES))], { type: 'image/png' }),
        mediaKey(index),
      );
      const response = await fetch(`${url}/api/sites/${slug}/staging/media`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
      });
      if (response.status !== 201) throw new Error(`upload ${index} → ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: UPLOADS_IN_FLIGHT }, upload));
}

/** Imports a generated site batch by batch; returns each call's latency, and the entities when asked to keep them. */
async function importSite(
  admin: Call,
  slug: string,
  size: number,
  keep: boolean,
): Promise<{ calls: number[]; kept: SiteEntity[] }> {
  const calls: number[] = [];
  const kept: SiteEntity[] = [];
  let batch: object[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    const entities = batch;
    batch = [];
    bytes = 0;
    const { ms } = await timed(() => admin('POST', `/api/sites/${slug}/staging/import`, { entities }));
    calls.push(ms);
  };
  for (const entity of generateSite({
    entities: size,
    seed: size,
    mediaFiles: MEDIA_FILES,
    mediaSizeBytes: MEDIA_SIZE_BYTES,
  })) {
    const item = { ...entity, ...(entity.type === 'page' || entity.type === 'post' ? { publish: true } : {}) };
    const itemBytes = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (batch.length === IMPORT_MAX_ENTITIES || bytes + itemBytes > IMPORT_MAX_BYTES) await flush();
    batch.push(item);
    bytes += itemBytes;
    if (keep) kept.push(entity);
  }
  await flush();
  return { calls, kept };
}

async function measure<T>(
  items: T[],
  concurrency: number,
  request: (item: T, index: number) => Promise<unknown>,
): Promise<{ totalMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      latencies.push((await timed(() => request(items[index], index))).ms);
    }
  };
  const { ms } = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return { totalMs: ms, latencies };
}

async function contentBytes(database: Client): Promise<{ revisions: number; stagingEntries: number }> {
  const { rows } = await database.query(
    `select pg_total_relation_size('revisions')::bigint as revisions,
       pg_total_relation_size('staging_entries')::bigint as "stagingEntries"`,
  );
  return { revisions: Number(rows[0].revisions), stagingEntries: Number(rows[0].stagingEntries) };
}
