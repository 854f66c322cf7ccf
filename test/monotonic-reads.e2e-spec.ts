import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac } from 'node:crypto';
import { adminToken, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { spawnService, type ServiceProcess } from './service-process';
import { stagingClient } from './staging';

// Node B hears of swaps this late (its refresh without a message is 1 s): only the visitor's cookie, not the
// timing, can keep it from serving the old site after the new one.
const LATE_EVENTS_MS = '30000';
const ROUNDS = 3;

/** A visitor: keeps the cookies it is given, like a browser, and sends them back. */
function visitor() {
  const jar = new Map<string, string>();
  return {
    jar,
    get: async (url: string, cookies = true) => {
      const headers: Record<string, string> = {};
      if (cookies && jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(url, { headers });
      if (cookies)
        for (const set of response.headers.getSetCookie()) {
          const [pair] = set.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
      const text = await response.text();
      return response.status === 503 ? 'maintenance' : (/mk-(\d+)-/.exec(text)?.[1] ?? `status ${response.status}`);
    },
  };
}

/** What the server signs, computed here to make a genuine-looking cookie the database is behind. */
function signed(siteId: string, version: number): string {
  const key = createHmac('sha256', adminToken()).update('promote version cookie v1').digest();
  return `${version}.${createHmac('sha256', key).update(`${siteId}:${version}`).digest('base64url').slice(0, 22)}`;
}

describe('monotonic reads across API nodes', () => {
  let app: NestExpressApplication;
  let other: ServiceProcess;
  let a: string;
  let b: string;
  beforeAll(async () => {
    app = await createTestApp();
    a = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    other = await spawnService({ PROCESS_ROLE: 'api', LOG_LEVEL: 'silent', SITE_EVENTS_DELAY_MS: LATE_EVENTS_MS });
    b = `http://127.0.0.1:${other.port}`;
  });
  afterAll(async () => {
    other.child.kill('SIGTERM');
    await other.exited;
    await app.close();
  });
  const catchups = async (): Promise<Record<string, number>> => {
    const text = await (await fetch(`${b}/metrics`, { headers: { Authorization: `Bearer ${adminToken()}` } })).text();
    const counts: Record<string, number> = { caught_up: 0, refuted: 0, throttled: 0, forged: 0 };
    for (const [, result, value] of text.matchAll(/^promote_head_catchups_total\{result="(\w+)"\} (\d+)/gm))
      counts[result] = Number(value);
    return counts;
  };
  const stage = async (site: TestSite, n: number) => {
    const client = stagingClient(app, site);
    await client.put('page', 'probe', {
      title: 'Probe',
      path: '/probe',
      blocks: [{ id: 't', type: 'text', text: `mk-${n}-` }],
    });
    await client.publish('page', 'probe');
  };

  it('never serves a visitor the old site after the new one, on either node, with one node hearing of swaps late', async () => {
    const site = await createSite(app, 'monotonic');
    const client = stagingClient(app, site);
    await stage(site, 0);
    await client.promoteAll();
    const page = (node: string) => `${node}/sites/${site.slug}/probe`;
    const withCookie = visitor();
    const without = visitor();
    expect(await withCookie.get(page(b))).toBe('0');
    const before = await catchups();

    // The visitor alternates between the nodes carrying its cookies; a second one, without cookies, asks B
    // right after each answer from A: what B would tell anyone it cannot tell apart.
    const seen: { node: 'A' | 'B'; shown: string }[] = [];
    const cookieless: { onA: string; onB: string }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await stage(site, round);
      const { fingerprint } = await client.preview();
      const { body: job } = await client.promote(fingerprint).expect(202);
      let done = false;
      const finished = client.waitForJob(job.id).then(() => (done = true));
      let after = 0;
      // Probe while the job runs and a moment after (well inside B's late message).
      while (!done || after++ < 20) {
        const onA = await withCookie.get(page(a));
        seen.push({ node: 'A', shown: onA });
        cookieless.push({ onA, onB: await without.get(page(b), false) });
        seen.push({ node: 'B', shown: await withCookie.get(page(b)) });
      }
      await finished;
    }

    const served = seen.filter((s) => s.shown !== 'maintenance');
    for (const { shown } of served) expect(shown).toMatch(/^\d+$/);
    const older = served.filter((s, i) => i > 0 && Number(s.shown) < Number(served[i - 1].shown));
    expect(older).toEqual([]);
    expect(served.at(-1)!.shown).toBe(String(ROUNDS));
    // B really was behind (right after A served the new site, B gave a visitor without cookies the old one),
    // and caught up through the cookie.
    const regressions = cookieless.filter(({ onA, onB }) => Number(onB) < Number(onA));
    expect(regressions.length).toBeGreaterThan(0);
    const after = await catchups();
    expect(after.caught_up - before.caught_up).toBeGreaterThan(0);
    expect(after.refuted - before.refuted).toBe(0);
  }, 120_000);

  it('ignores and replaces a forged version without reading the head, and reads once for a cookie the database is behind', async () => {
    const site = await createSite(app, 'forged');
    await stage(site, 7);
    await stagingClient(app, site).promoteAll();
    const url = `${b}/sites/${site.slug}/probe`;
    const ask = (cookie: string) => fetch(url, { headers: { cookie: `promote_version=${cookie}` } });
    const { version } = (await stagingClient(app, site).site()).environments.production;
    expect((await ask(signed(site.id, version))).status).toBe(200); // B has the row now
    const before = await catchups();

    const forged = [`999999999.${'A'.repeat(22)}`, signed('00000000-0000-0000-0000-000000000000', version + 5)];
    for (const cookie of forged) {
      const response = await ask(cookie);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('mk-7-');
      expect(response.headers.get('set-cookie')).toContain(
        `promote_version=${encodeURIComponent(signed(site.id, version))}`,
      );
    }
    const afterForged = await catchups();
    expect(afterForged).toEqual({ ...before, forged: before.forged + forged.length });

    // Signed by us but ahead of the database (as after restoring it from a backup): one read proves it, the
    // next visitors within the second are served without one, and nobody's cookie is lowered.
    for (let i = 0; i < 3; i++) {
      const response = await ask(signed(site.id, version + 3));
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie') ?? '').not.toContain('promote_version=');
    }
    const afterAhead = await catchups();
    expect(afterAhead.refuted - afterForged.refuted).toBe(1);
    expect(afterAhead.throttled - afterForged.throttled).toBe(2);
    expect(afterAhead.caught_up).toBe(afterForged.caught_up);
  }, 60_000);
});
