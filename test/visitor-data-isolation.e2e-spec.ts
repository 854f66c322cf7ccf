import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';

// Analytics events and visitor sessions of every site are written together in batches: these tests send one
// site's bad rows alongside other sites' good ones and check that only the bad ones are refused.
describe('one visitor’s bad data costs no one else theirs', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const collect = (site: TestSite, body: object | string, ip = '127.0.0.1') =>
    http()
      .post(`/sites/${site.slug}/collect`)
      .set('Accept', 'application/json')
      .set('X-Forwarded-For', ip)
      .type('json')
      .send(body);
  const read = async (site: TestSite, what: 'analytics' | 'sessions') =>
    (await http().get(`/api/sites/${site.slug}/production/${what}`).set(auth(site.tokens.owner)).expect(200)).body;
  const pageView = (i: number) => ({ event: 'page_view', path: `/p${i}`, props: { i } });

  it('answers a hostile site’s events 400 and stores the events other sites sent at the same time', async () => {
    const good = await createSite(app, 'iso-good');
    const hostile = await createSite(app, 'iso-hostile');
    const deep = (levels: number) => `{"event":"x","path":"/","props":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
    const bad: (object | string)[] = [
      { event: 'x', path: '/', props: { note: 'lone \ud800 surrogate' } },
      { event: 'x', path: '/', props: { ['key \udc00']: 1 } },
      { event: 'x', path: '/caf\ud800' },
      { event: 'x', path: '/', props: { nul: 'a\u0000b' } },
      { event: 'x', path: '/', props: { ['a\u0000']: 1 } },
      { event: 42, path: '/' },
      { event: 'x', path: 'no-slash' },
      { event: 'x', path: '/', props: { blob: '€'.repeat(2000) } },
      '{"event":"x","path":"/","props":{"n":1e400}}',
      deep(6),
      deep(5000),
      // A request's events are all stored or none: one bad event refuses its good neighbours too.
      { events: [pageView(0), { event: 'x', path: '/', props: { note: '\ud800' } }] },
    ];
    const goodRequests = Array.from({ length: 24 }, (_, i) => collect(good, pageView(i)));
    const goodBatch = collect(good, { events: [pageView(100), pageView(101), pageView(102)] });
    // Interleaved and all in flight at once, so they share the few-millisecond batches of the writer.
    const sent = [
      ...goodRequests.flatMap((r, i) =>
        i < bad.length
          ? [
              { from: good, answer: r },
              { from: hostile, answer: collect(hostile, bad[i]) },
            ]
          : [{ from: good, answer: r }],
      ),
      { from: good, answer: goodBatch },
    ];
    const answers = await Promise.all(
      sent.map(async ({ from, answer }) => {
        const { status, body } = await answer;
        return { from, status, body };
      }),
    );

    const hostileAnswers = answers.filter((a) => a.from === hostile);
    expect(hostileAnswers).toHaveLength(bad.length);
    for (const answer of hostileAnswers) expect(answer.status).toBe(400);
    // Broken unicode and deep nesting are refused at the JSON edge; the rest by the event's own validation.
    for (const answer of hostileAnswers)
      expect(['validation_failed', 'invalid_unicode', 'too_deep']).toContain(answer.body.error.code);
    const goodAnswers = answers.filter((a) => a.from === good);
    expect(goodAnswers.map((a) => a.status)).toEqual(Array(25).fill(202));

    expect((await read(good, 'analytics')).total).toBe(27);
    expect(await read(hostile, 'analytics')).toEqual({ total: 0, byPath: {}, byEvent: {} });
  });

  it('splits rows the database refuses out of a batch: only their requests fail, other sites’ events and sessions are stored', async () => {
    const good = await createSite(app, 'iso-kept');
    const gone = await createSite(app, 'iso-gone');
    const dataSource = app.get(DataSource);
    // The site is removed in a transaction held open: the public site still serves it (it reads the committed
    // row), and its rows' foreign-key checks wait on the removal, inside whatever batch they joined.
    const removal = dataSource.createQueryRunner();
    await removal.connect();
    await removal.startTransaction();
    try {
      await removal.query(`delete from sites where id = $1`, [gone.id]);
      const sent = Array.from({ length: 20 }, (_, i) => collect(good, pageView(i)));
      sent.splice(10, 0, collect(gone, { events: [pageView(0), pageView(1)] }));
      const answering = Promise.all(sent);
      await eventually(async () => {
        const [{ waiting }] = await dataSource.query(
          `select count(*)::int as waiting from pg_stat_activity where datname = current_database()
             and pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like '%insert into analytics_events%'`,
        );
        expect(waiting).toBeGreaterThan(0);
      });
      await removal.commitTransaction();
      const answers = await answering;

      const refused = answers[10];
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_event');
      expect(answers.filter((_, i) => i !== 10).map((a) => a.status)).toEqual(Array(20).fill(202));
      expect((await read(good, 'analytics')).total).toBe(20);
      // Sessions are written behind the response: each good visitor's one is stored all the same.
      await eventually(async () => expect((await read(good, 'sessions')).count).toBe(20));
    } finally {
      if (removal.isTransactionActive) await removal.rollbackTransaction();
      await removal.release();
    }
  });

  it('limits events per visitor IP and site, counting each event of a batch, and leaves other visitors alone', async () => {
    const limited = await createSite(app, 'collect-limit');
    const other = await createSite(app, 'collect-other');
    const fifty = { events: Array.from({ length: 50 }, (_, i) => pageView(i)) };
    const visitor = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await collect(limited, fifty, visitor)).status);
    expect(statuses).toEqual(Array(12).fill(202));

    const over = await collect(limited, pageView(0), visitor).expect(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);

    await collect(limited, fifty, '203.0.113.8').expect(202); // another visitor of the same site
    await collect(other, pageView(0), visitor).expect(202); // the same visitor on another site
    expect((await read(limited, 'analytics')).total).toBe(650);
    expect((await read(other, 'analytics')).total).toBe(1);
  });
});
