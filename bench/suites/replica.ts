import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStreamingPair } from '../../src/platform/bootstrap/streaming-pair';
import { api, benchServices, median, round } from '../harness';
import { writeSuiteResult } from '../results';
import {
  hasTaskset,
  type LoadResult,
  runLoad,
  seedProduction,
  type Service,
  shuffle,
  startService,
  waitForPage,
} from './render';

const PAGES = Number(process.env.BENCH_REPLICA_PAGES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_REPLICA_ROUNDS ?? 2);
// Each round's pages in this many slices, and this many short cached runs: the two nodes take turns slice by
// slice, so each pair of samples meets the same machine load (other processes share these two cores).
const SLICES = 10;
const HIT_SECONDS = Number(process.env.BENCH_REPLICA_SECONDS ?? 2);
const CONNECTIONS = 32;
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };
const DATABASE = 'promote_bench';
// EnvironmentCache's refresh without a pub/sub message (the bench moves the head in SQL, which announces nothing).
const HEAD_REFRESH_MS = 1500;

type Node = 'primary' | 'replica';
type Kind = 'miss' | 'hit';

/**
 * Issue 16's read path: the public site's pages per second, cached and uncached, from an API process reading
 * the primary and one reading a streaming replica (DATABASE_READ_URL), side by side on one private primary
 * and standby pair. Each round moves production to a new copy of the state, so both nodes render every page
 * again (their caches are keyed by state id); the nodes alternate slice by slice, and the table gives medians.
 */
export async function runReplicaBench(): Promise<void> {
  const services = await benchServices();
  const pair = await startStreamingPair(DATABASE);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'promote-replica-bench-'));
  const children: Service[] = [];
  try {
    const pinned = hasTaskset();
    const env = { ...services.env, DATABASE_URL: pair.primary.url(DATABASE) };
    const primaryNode = await startService(env, pinned ? '0' : null);
    children.push(primaryNode);
    const replicaNode = await startService(
      { ...env, DATABASE_READ_URL: pair.replica.url(DATABASE) },
      pinned ? '0' : null,
    );
    children.push(replicaNode);
    const slug = `replica-${Date.now().toString(36)}`;
    const site = await api(primaryNode.url, services.env.ADMIN_TOKEN)('POST', '/api/sites', {
      slug,
      name: 'Replica bench',
    });
    const seeded = await seedProduction(pair.primary.url(DATABASE), site.id, PAGES);
    const paths = shuffle(seeded.routes.map((route) => `/sites/${slug}${encodeURI(route)}`));
    process.stderr.write(`  seeded ${seeded.entities} entities (${paths.length} pages)\n`);

    const nodes: Record<Node, Service> = { primary: primaryNode, replica: replicaNode };
    const samples: Record<Kind, Record<Node, LoadResult[]>> = {
      miss: { primary: [], replica: [] },
      hit: { primary: [], replica: [] },
    };
    const run = async (
      node: Node,
      kind: Kind,
      name: string,
      spec: { amount?: number; duration?: number; paths: string[] },
    ) =>
      samples[kind][node].push(
        await runLoad(
          scratch,
          `${node}-${name}`,
          {
            url: nodes[node].url,
            connections: Math.min(CONNECTIONS, spec.amount ?? CONNECTIONS),
            headers: BROWSER,
            ...spec,
          },
          pinned,
        ),
      );
    const slice = Math.ceil((paths.length - 1) / SLICES);
    for (let round = 0; round < ROUNDS; round++) {
      const state = await copyHeadState(pair.primary.query.bind(pair.primary), site.id);
      await replayed(pair.replica.query.bind(pair.replica), state);
      await sleep(HEAD_REFRESH_MS);
      for (const node of ['primary', 'replica'] as const) await waitForPage(nodes[node].url + paths[0]);
      for (let i = 0; i < SLICES; i++) {
        const part = paths.slice(1 + i * slice, 1 + (i + 1) * slice);
        for (const node of turns(round * SLICES + i))
          await run(node, 'miss', `miss-${round}-${i}`, { paths: part, amount: part.length });
      }
      for (let i = 0; i < SLICES; i++)
        for (const node of turns(round * SLICES + i))
          await run(node, 'hit', `hit-${round}-${i}`, { paths, duration: HIT_SECONDS });
    }
    const replicaReads = await replicaCounts(replicaNode.url, services.env.ADMIN_TOKEN);

    const ratio = (kind: Kind) =>
      round(
        median(samples[kind].replica.map((r, i) => r.requests.average / samples[kind].primary[i].requests.average)),
        2,
      );
    const row = (node: Node, kind: Kind) => {
      const runs = samples[kind][node];
      return {
        run: `${kind === 'miss' ? 'cache miss' : 'cache hit'}, reads on the ${node}`,
        samples: runs.length,
        'pages/s (median)': Math.round(median(runs.map((r) => r.requests.average))),
        'median ms (median)': round(median(runs.map((r) => r.latency.p50))),
        'p99 ms (median)': round(median(runs.map((r) => r.latency.p99))),
        'replica ÷ primary pages/s (median of pairs)': node === 'replica' ? ratio(kind) : '',
        'non-2xx': runs.reduce((sum, r) => sum + r.non2xx, 0),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    writeSuiteResult({
      suite: 'replica',
      tables: [
        {
          title: `Pages per second with and without a read replica, a ${paths.length.toLocaleString('en')}-page site`,
          note:
            `Two API processes (\`node dist/src/main.js\`, PROCESS_ROLE=api${pinned ? ', each under `taskset -c 0`, loaded one at a time' : ''}) on one private ` +
            'PostgreSQL primary and a streaming hot standby of it (pg_basebackup -R, same machine, same binaries); one of them has ' +
            `DATABASE_READ_URL. autocannon${pinned ? ' on core 1' : ''}, ${CONNECTIONS} connections, Accept-Encoding like a browser. ` +
            `${ROUNDS} rounds; each moves production to a fresh copy of the state (so every page renders again on both nodes) and waits ` +
            `until the standby has replayed it. Miss: the round's pages in ${SLICES} slices, each requested once from one node and then the ` +
            `other (who goes first alternates). Hit: ${SLICES} runs of ${HIT_SECONDS} s of cached pages per node, taking turns the same way. ` +
            'Other processes share the two cores, so single samples vary a lot; the pairs are what compare. ' +
            `The replica node's reads over the run: ${replicaReads.replica} on the replica, fallbacks ${JSON.stringify(replicaReads.fallbacks)}.`,
          rows: [row('primary', 'miss'), row('replica', 'miss'), row('primary', 'hit'), row('replica', 'hit')],
        },
      ],
    });
  } finally {
    for (const child of children.reverse()) await child.stop();
    rmSync(scratch, { recursive: true, force: true });
    await pair.close();
    await services.close();
  }
}

/** Which node goes first in the n-th pair of samples. */
function turns(n: number): readonly Node[] {
  return n % 2 ? ['replica', 'primary'] : ['primary', 'replica'];
}

type Query = <T>(sql: string, params: unknown[], database: string) => Promise<T[]>;

/** Production's head as a new state with the same entries (what a promotion that changes nothing would build). */
async function copyHeadState(query: Query, siteId: string): Promise<number> {
  const [{ id }] = await query<{ id: number }>(
    `with head as (select head_state_id as id from environments where site_id = $1 and name = 'production'),
     fresh as (insert into content_states (site_id, origin, entity_count)
               select site_id, origin, entity_count from content_states where id = (select id from head) returning id),
     entries as (insert into state_entries (state_id, type, key, revision_id, version, route)
                 select (select id from fresh), type, key, revision_id, version, route from state_entries
                 where state_id = (select id from head)),
     moved as (update environments set head_state_id = (select id from fresh), version = version + 1
               where site_id = $1 and name = 'production')
     select id::int from fresh`,
    [siteId],
    DATABASE,
  );
  return id;
}

async function replayed(query: Query, stateId: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await query('select 1 from content_states where id = $1', [stateId], DATABASE)).length === 0) {
    if (Date.now() > deadline) throw new Error(`the standby did not replay state ${stateId} within 60 s`);
    await sleep(20);
  }
}

async function replicaCounts(url: string, token: string) {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  const value = (series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    replica: value('promote_replica_reads_total'),
    fallbacks: Object.fromEntries(
      ['behind', 'error', 'unavailable'].map((reason) => [
        reason,
        value(`promote_replica_fallbacks_total\\{reason="${reason}"\\}`),
      ]),
    ),
  };
}
