import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import { BackupsRepository } from '../src/staging-reset/backups.repository';
import { RouteTakenError, StatesRepository } from '../src/states/states.repository';
import { fileDatabase, ManifestRows, type FileDatabase } from './file-database';

/**
 * Delta states against a full-copy model: random chains of promotions, snapshots, restores, reverts,
 * break-glass writes and staging resets, under a policy that compacts often (by depth and by share). After each
 * step the new state's resolved manifest, its entity count, every key's lookup, every route's lookup and its
 * diff from the previous head must be the model's; at the end every state ever built must still be.
 */

type Entry = { revision: string; version: number; route: string | null };
type Manifest = Map<string, Entry>;

const KEYS = Array.from({ length: 12 }, (_, i) => `k${i}`);
const ROUTES = ['/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h', null, null];

/** A staging manifest drawn from the head: each key kept, changed (revision and route), added or removed. */
const stagingEdit = fc.record({
  edits: fc.array(
    fc.record({
      key: fc.constantFrom(...KEYS),
      op: fc.constantFrom('set', 'set', 'remove', 'move'),
      revision: fc.nat(),
      route: fc.nat(),
    }),
    { maxLength: 6 },
  ),
});

const step = fc.oneof(
  fc.record({ kind: fc.constant('promote' as const), staging: stagingEdit }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('revert' as const),
    pick: fc.nat(),
    keys: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('breakGlass' as const),
    key: fc.constantFrom(...KEYS),
    revision: fc.option(fc.nat(), { nil: null }),
    route: fc.nat(),
  }),
  fc.record({ kind: fc.constant('reset' as const) }),
);

describe('delta states against a full-copy model (fast-check)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;
  // Compacts at the fourth delta or when the deltas pass 60% of a base (small bases count as 4 entities).
  const states = new StatesRepository({ stateDeltas: { maxDepth: 3, maxPercent: 60, smallBase: 4 } });
  const backups = new BackupsRepository();
  let revisions: string[];

  beforeAll(async () => {
    database = await fileDatabase('delta_property');
    db = database.dataSource;
    rows = new ManifestRows(db);
    revisions = [];
    for (let i = 0; i < 8; i++) revisions.push(await rows.revision('page', { n: i }));
  });
  afterAll(() => database.close());

  const routesFree = (manifest: Manifest, key: string, route: string | null) =>
    route === null || ![...manifest].some(([k, e]) => k !== key && e.route === route);

  /** Versions count on from the base: kept for the same revision, one more for a new one. */
  function counted(base: Manifest, target: Map<string, { revision: string; route: string | null }>): Manifest {
    const next: Manifest = new Map();
    for (const [key, { revision, route }] of target) {
      const before = base.get(key);
      next.set(key, {
        revision,
        route,
        version: before?.revision === revision ? before.version : (before?.version ?? 0) + 1,
      });
    }
    return next;
  }

  async function resolved(tx: EntityManager, stateId: number): Promise<Manifest> {
    const found: { key: string; revision: string; version: number; route: string | null }[] = await tx.query(
      `select key, revision_id::text as revision, version, route from state_manifest($1) order by key`,
      [stateId],
    );
    return new Map(found.map(({ key, ...entry }) => [key, entry]));
  }

  async function expectState(tx: EntityManager, stateId: number, model: Manifest): Promise<void> {
    const expected = [...model].sort(([a], [b]) => (a < b ? -1 : 1));
    expect([...(await resolved(tx, stateId))]).toEqual(expected);
    const [{ count }] = await tx.query(`select entity_count as count from content_states where id = $1`, [stateId]);
    expect(count).toBe(model.size);
    const byKey: { key: string; revision: string | null }[] = await tx.query(
      `select k.key, e.revision_id::text as revision from unnest($2::text[]) as k(key)
       left join lateral state_entry($1, 'page', k.key) e on true order by k.key`,
      [stateId, KEYS],
    );
    expect(byKey).toEqual(KEYS.map((key) => ({ key, revision: model.get(key)?.revision ?? null })).sort(byKeyOrder));
    const routes = ROUTES.filter((r): r is string => r !== null);
    const byRoute: { route: string; key: string | null }[] = await tx.query(
      `select r.route, e.key from unnest($2::text[]) as r(route)
       left join lateral state_route($1, r.route) e on true order by r.route`,
      [stateId, routes],
    );
    expect(byRoute).toEqual(
      routes.map((route) => ({ route, key: [...model].find(([, e]) => e.route === route)?.[0] ?? null })),
    );
  }

  async function expectDiff(tx: EntityManager, from: number, to: number, a: Manifest, b: Manifest) {
    const found: { key: string }[] = await tx.query(`select key from state_diff($1, $2) order by key`, [from, to]);
    const differing = [...new Set([...a.keys(), ...b.keys()])]
      .filter(
        (k) => a.get(k)?.revision !== b.get(k)?.revision || (a.get(k)?.route ?? null) !== (b.get(k)?.route ?? null),
      )
      .filter((k) => a.has(k) || b.has(k))
      .sort();
    expect(found.map((r) => r.key)).toEqual(differing);
  }

  it('resolves every state of random chains as the full-copy model does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        const siteId = await rows.site();
        let head = await states.createInitial(db.manager, siteId);
        let model: Manifest = new Map();
        const built = new Map<number, Manifest>([[head, model]]);
        const snapshots: number[] = [];
        const build = async (
          origin: 'promotion' | 'restore' | 'break_glass',
          fill: (tx: EntityManager, id: number) => Promise<unknown>,
        ) =>
          db.transaction(async (tx) => {
            const { id } = await states.create(tx, siteId, origin, crypto.randomUUID());
            await fill(tx, id);
            return id;
          });
        const advance = async (id: number, next: Manifest) => {
          await db.transaction(async (tx) => {
            await expectState(tx, id, next);
            await expectDiff(tx, head, id, model, next);
          });
          built.set(id, next);
          head = id;
          model = next;
        };

        for (const s of steps) {
          if (s.kind === 'promote') {
            // Staging: the head's manifest with the edits, routes kept unique as staging's index keeps them.
            const target = new Map([...model].map(([k, e]) => [k, { revision: e.revision, route: e.route }]));
            for (const edit of s.staging.edits) {
              if (edit.op === 'remove') target.delete(edit.key);
              else {
                const route =
                  edit.op === 'move' ? ROUTES[edit.route % ROUTES.length] : (target.get(edit.key)?.route ?? null);
                const free = route === null || ![...target].some(([k, e]) => k !== edit.key && e.route === route);
                target.set(edit.key, {
                  revision: revisions[edit.revision % revisions.length],
                  route: free ? route : null,
                });
              }
            }
            await db.query(`delete from staging_entries where site_id = $1`, [siteId]);
            for (const [key, { revision, route }] of target)
              await rows.staging(siteId, {
                type: 'page',
                key,
                data: revision,
                published: revision,
                route: route ?? undefined,
              });
            const from = head;
            await advance(
              await build('promotion', (tx, id) => states.fillFromStaging(tx, id, siteId, from)),
              counted(model, target),
            );
          } else if (s.kind === 'snapshot') {
            snapshots.push(head);
          } else if (s.kind === 'restore' && snapshots.length) {
            const source = snapshots[s.pick % snapshots.length];
            const from = head;
            const next = counted(
              model,
              new Map([...built.get(source)!].map(([k, e]) => [k, { revision: e.revision, route: e.route }])),
            );
            await advance(await build('restore', (tx, id) => states.fillFromState(tx, id, source, from)), next);
          } else if (s.kind === 'revert' && snapshots.length) {
            const source = snapshots[s.pick % snapshots.length];
            const old = built.get(source)!;
            const target = new Map([...model].map(([k, e]) => [k, { revision: e.revision, route: e.route }]));
            for (const key of s.keys) {
              const then = old.get(key);
              if (then) target.set(key, { revision: then.revision, route: then.route });
              else target.delete(key);
            }
            const clash = s.keys.some(
              (key) =>
                target.has(key) &&
                !routesFree(
                  new Map([...target].map(([k, e]) => [k, { ...e, version: 0 }])),
                  key,
                  target.get(key)!.route,
                ),
            );
            const from = head;
            const attempt = build('restore', (tx, id) =>
              states.fillWithEntitiesOf(
                tx,
                id,
                from,
                source,
                s.keys.map((key) => ({ type: 'page', key })),
              ),
            );
            if (clash) await expect(attempt).rejects.toBeInstanceOf(RouteTakenError);
            else await advance(await attempt, counted(model, target));
          } else if (s.kind === 'breakGlass') {
            const revision = s.revision === null ? null : revisions[s.revision % revisions.length];
            if (revision === null && !model.has(s.key)) continue;
            const route = revision === null ? null : ROUTES[s.route % ROUTES.length];
            const from = head;
            const attempt = build('break_glass', (tx, id) =>
              states.fillWithOneChange(tx, id, from, { type: 'page', key: s.key, revisionId: revision, route }),
            );
            if (revision !== null && !routesFree(model, s.key, route)) {
              await expect(attempt).rejects.toBeInstanceOf(RouteTakenError);
              continue;
            }
            const target = new Map([...model].map(([k, e]) => [k, { revision: e.revision, route: e.route }]));
            if (revision === null) target.delete(s.key);
            else target.set(s.key, { revision, route });
            const next = counted(model, target);
            // One change moves the version even when the revision is the same one (a write is a write).
            if (revision !== null) next.set(s.key, { revision, route, version: (model.get(s.key)?.version ?? 0) + 1 });
            await advance(await attempt, next);
          } else if (s.kind === 'reset') {
            // Staging from production: every entity of the head, at version 0.
            await db.transaction((tx) => backups.replaceStagingWithState(tx, siteId, head));
            const staged: { key: string; revision: string; route: string | null; version: number }[] = await db.query(
              `select key, revision_id::text as revision, route, version from staging_manifest where site_id = $1 order by key`,
              [siteId],
            );
            expect(staged).toEqual(
              [...model]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([key, e]) => ({ key, revision: e.revision, route: e.route, version: 0 })),
            );
          }
        }
        // States are immutable: every one built along the way still resolves as it did.
        await db.transaction(async (tx) => {
          for (const [id, manifest] of built) await expectState(tx, id, manifest);
        });
        // The policy held: no chain deeper than 3 deltas.
        const [{ deepest }] = await db.query(
          `select coalesce(max(cardinality(ancestors)), 0) as deepest from content_states where site_id = $1`,
          [siteId],
        );
        expect(deepest).toBeLessThanOrEqual(3);
      }),
      { numRuns: 40 },
    );
    // The runs took both paths: states kept as deltas (some on deltas) and states compacted whole.
    const [paths] = await db.query(
      `select count(*) filter (where cardinality(ancestors) > 1)::int as "onDeltas",
              count(*) filter (where cardinality(ancestors) = 0 and origin <> 'initial')::int as whole
       from content_states`,
    );
    expect(paths.onDeltas).toBeGreaterThan(0);
    expect(paths.whole).toBeGreaterThan(0);
  });
});

const byKeyOrder = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
