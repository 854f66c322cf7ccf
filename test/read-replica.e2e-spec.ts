import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp } from './app';
import { eventually } from './eventually';
import { scrape, valueOf } from './exposition';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';
import { startStreamingPair, type StreamingPair } from '../src/platform/bootstrap/streaming-pair';

const DATABASE = 'promote';

// What a rendered page says about the state it came from: its text (pages only), its custom CSS and layout.
function versionOf(response: request.Response): string {
  if (response.status === 503) return 'maintenance';
  const found = new Set(
    ['page', 'css', 'layout'].map((part) => new RegExp(`mk-${part}-(\\w+)`).exec(response.text)?.[1]),
  );
  found.delete(undefined);
  return found.size === 1 && /mk-css-/.test(response.text) ? [...found][0]! : `mixed ${[...found].join('/')}`;
}

describe('public reads from a streaming replica', () => {
  let pair: StreamingPair;
  let api: NestExpressApplication;
  let worker: NestExpressApplication;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    pair = await startStreamingPair(DATABASE);
    const overrides = {
      DATABASE_URL: pair.primary.url(DATABASE),
      DATABASE_READ_URL: pair.replica.url(DATABASE),
      // This file's own primary, so its own queues and channels too.
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}_replica`,
    };
    // Separate processes' worth of caches: the worker's post-swap check renders the new state in its own
    // app, so the API node's first request for a page of that state is a real read.
    api = await createTestApp({ api: true, worker: false }, overrides);
    worker = await createTestApp({ api: false, worker: true }, overrides);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await pair?.close();
  });

  const reads = async () => {
    const { samples } = await scrape(api);
    const fallbacks = (reason: string) => valueOf(samples, 'promote_replica_fallbacks_total', { reason }) ?? 0;
    return {
      replica: valueOf(samples, 'promote_replica_reads_total') ?? 0,
      behind: fallbacks('behind'),
      error: fallbacks('error'),
      unavailable: fallbacks('unavailable'),
      up: valueOf(samples, 'promote_replica_up'),
      lagSeconds: valueOf(samples, 'promote_replica_lag_seconds'),
      lagBytes: valueOf(samples, 'promote_replica_lag_bytes'),
    };
  };
  const head = async (site: TestSite) => {
    const [row] = await pair.primary.query<{ id: number }>(
      `select head_state_id::int as id from environments where site_id = $1 and name = 'production'`,
      [site.id],
      DATABASE,
    );
    return row.id;
  };
  const onReplica = async (stateId: number) =>
    (await pair.replica.query('select 1 from content_states where id = $1', [stateId], DATABASE)).length === 1;
  const replayed = async (site: TestSite) => {
    const state = await head(site);
    await eventually(async () => expect(await onReplica(state)).toBe(true));
  };
  const pauseReplay = () => pair.replica.query('select pg_wal_replay_pause()');
  const resumeReplay = () => pair.replica.query('select pg_wal_replay_resume()');

  async function stagedSite(prefix: string) {
    const site = await createSite(api, prefix);
    const client = stagingClient(api, site);
    const stage = async (version: string) => {
      await client.put('stylesheet', 'custom', { css: `body { --marker: mk-css-${version}; }` });
      await client.put('layout', 'main', {
        header: [{ id: 'h', type: 'text', text: `mk-layout-${version}` }],
        footer: [],
      });
      await client.put('page', 'probe', {
        title: 'Probe',
        path: '/probe',
        layout: 'main',
        blocks: [{ id: 't', type: 'text', text: `mk-page-${version}` }],
      });
      await client.publish('page', 'probe');
    };
    return { site, client, stage };
  }

  it('serves public pages from the replica once it has the state', async () => {
    await eventually(async () => expect((await reads()).up).toBe(1));
    const { site, client, stage } = await stagedSite('replica-read');
    await stage('one');
    await client.promoteAll();
    await replayed(site);
    const before = await reads();
    const page = await http().get(`/sites/${site.slug}/probe`).expect(200);
    expect(versionOf(page)).toBe('one');
    const after = await reads();
    expect(after.replica).toBeGreaterThan(before.replica);
    expect([after.behind, after.error, after.unavailable]).toEqual([before.behind, before.error, before.unavailable]);
    // The replica's own view: this app's read pool ran the manifest lookups there.
    const [{ count }] = await pair.replica.query<{ count: number }>(
      `select count(*)::int as count from pg_stat_activity
       where datname = $1 and application_name = 'promote-read' and query ~ 'state_(entry|route|manifest)'`,
      [DATABASE],
    );
    expect(count).toBeGreaterThan(0);
  });

  it('answers from the primary while the replica lags behind a promotion, counts it, and returns to the replica', async () => {
    await eventually(async () => expect((await reads()).up).toBe(1));
    const { site, client, stage } = await stagedSite('replica-lag');
    await stage('one');
    await client.promoteAll();
    await replayed(site);
    await pauseReplay();
    try {
      await stage('two');
      await client.promoteAll();
      expect(await onReplica(await head(site))).toBe(false);
      const before = await reads();
      const page = await http().get(`/sites/${site.slug}/probe`).expect(200);
      expect(versionOf(page)).toBe('two');
      const after = await reads();
      expect(after.behind).toBeGreaterThan(before.behind);
      expect(after.replica).toBe(before.replica);
      expect(after.lagSeconds).toBeGreaterThan(0);
      expect(after.lagBytes).toBeGreaterThan(0);
    } finally {
      await resumeReplay();
    }
    await replayed(site);
    const before = await reads();
    // A path the node has not rendered for this state: it is looked up again, now on the replica.
    const missing = await http().get(`/sites/${site.slug}/no-such-page`).expect(404);
    expect(versionOf(missing)).toBe('two');
    expect((await reads()).replica).toBeGreaterThan(before.replica);
  });

  it('keeps serving from the primary while the replica is down, and goes back to it once it is up', async () => {
    await eventually(async () => expect((await reads()).up).toBe(1));
    const { site, client, stage } = await stagedSite('replica-down');
    await stage('one');
    await client.promoteAll();
    await replayed(site);
    const before = await reads();
    await pair.replica.stop();
    try {
      for (const n of [1, 2, 3])
        expect(versionOf(await http().get(`/sites/${site.slug}/missing-${n}`).expect(404))).toBe('one');
      await stage('two');
      await client.promoteAll();
      expect(versionOf(await http().get(`/sites/${site.slug}/probe`).expect(200))).toBe('two');
      const down = await reads();
      expect(down.up).toBe(0);
      expect(down.error).toBeGreaterThan(before.error);
      expect(down.unavailable).toBeGreaterThan(before.unavailable);
      expect(down.replica).toBe(before.replica);
      expect(down.lagSeconds).toBeNaN(); // unknown without the replica, rather than a made-up 0
    } finally {
      await pair.replica.start();
    }
    await replayed(site);
    await eventually(async () => expect((await reads()).up).toBe(1));
    const back = await reads();
    expect(versionOf(await http().get(`/sites/${site.slug}/missing-4`).expect(404))).toBe('two');
    expect((await reads()).replica).toBeGreaterThan(back.replica);
  });

  it('never serves a visitor the old site after the new one across a swap while the replica catches up', async () => {
    await eventually(async () => expect((await reads()).up).toBe(1));
    const { site, client, stage } = await stagedSite('replica-prober');
    await stage('old');
    await client.promoteAll();
    await replayed(site);
    await stage('new');
    await pauseReplay();
    const start = await reads();
    const seen: string[] = [];
    let probing = true;
    const prober = (async () => {
      // Alternating a page (rendered once per state, then cached) with paths never asked before (looked up
      // every time), so reads keep going to the database through the whole switch.
      for (let n = 0; probing; n++) {
        const path = n % 2 ? '/probe' : `/missing-${n}`;
        seen.push(versionOf(await http().get(`/sites/${site.slug}${path}`)));
      }
    })();
    try {
      await client.promoteAll();
      await eventually(async () => expect(seen.at(-1)).toBe('new'));
    } finally {
      await resumeReplay();
    }
    // Keep probing until the replica has answered for the new state too.
    const resumed = await reads();
    await eventually(async () => expect((await reads()).replica).toBeGreaterThan(resumed.replica));
    probing = false;
    await prober;

    for (const version of new Set(seen)) expect(['old', 'new', 'maintenance']).toContain(version);
    const firstNew = seen.indexOf('new');
    expect(seen.slice(0, firstNew)).toContain('old');
    expect(seen.slice(firstNew)).not.toContain('old');
    const end = await reads();
    expect(end.behind).toBeGreaterThan(start.behind); // the new state was read from the primary at first
    expect(end.replica).toBeGreaterThan(start.replica);
  });
});
