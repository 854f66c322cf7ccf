import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SiteLock } from '../src/jobs/site-lock';
import { freePort } from '../src/platform/bootstrap/free-port';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

// The compiled CLI exactly as package.json's `bin` names it (npm test and `npx nest build` build it).
const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.promote);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the promote CLI against the running service', () => {
  let app: NestExpressApplication;
  let url: string;
  let home: string;
  const outputs: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    app = await createTestApp();
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    home = await mkdtemp(path.join(os.tmpdir(), 'promote-cli-e2e-'));
  });
  afterAll(async () => {
    await app.close();
    await rm(home, { recursive: true, force: true });
  });

  /** Runs the binary as a pipeline would: its own process, no TTY, a private config folder. */
  function cli(args: string[], { env = {}, input = '' }: { env?: Record<string, string>; input?: string } = {}) {
    // Asynchronous on purpose: the service answering it runs in this very process.
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH!, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input);
    const done = new Promise<Run>((resolve) =>
      child.once('close', (code) => {
        outputs.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      }),
    );
    return { done, stderrSoFar: () => stderr };
  }
  const run = (args: string[], options?: Parameters<typeof cli>[1]) => cli(args, options).done;
  const json = (result: Run) => JSON.parse(result.stdout);
  const http = () => request(app.getHttpServer());

  async function newSite(prefix: string): Promise<TestSite> {
    const site = await createSite(app, prefix);
    tokens.push(site.tokens.owner, site.tokens.editor, site.tokens.reviewer);
    return site;
  }
  const env = (site: TestSite, token = site.tokens.owner) => ({ PROMOTE_URL: url, PROMOTE_TOKEN: token });

  it('logs in with the token from stdin, stores it for its owner only, and uses it afterwards', async () => {
    const site = await newSite('cli-login');
    const login = await run(['login', '--url', url], { input: `${site.tokens.owner}\n` });
    expect(login).toMatchObject({ code: 0, stderr: '' });
    expect(login.stdout).toContain(`as owner of ${site.slug}`);

    const file = path.join(home, 'config', 'promote', 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ url, token: site.tokens.owner });

    const sites = await run(['sites', '--json']);
    expect(sites.code).toBe(0);
    expect(json(sites).items.map((s: { slug: string }) => s.slug)).toEqual([site.slug]);
    expect((await run(['sites'])).stdout).toMatch(
      new RegExp(`^${site.slug}\\s+Test ${site.slug}\\s+v0\\s+v0\\s+no$`, 'm'),
    );

    // A flag wins over the stored login: a bad token is the server's refusal, exit 2 with its code.
    const refused = await run(['sites', '--token', 'not-a-token']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^refused: unauthenticated — /);
  });

  it('refuses a login the server does not accept, and stores nothing', async () => {
    const config = path.join(home, 'other-config');
    const result = await run(['login', '--url', url, '--token', 'wrong'], { env: { XDG_CONFIG_HOME: config } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^refused: unauthenticated — /);
    await expect(stat(path.join(config, 'promote', 'config.json'))).rejects.toThrow(/ENOENT/);
  });

  it('previews as a table and as JSON with the fingerprint the API gives', async () => {
    const site = await newSite('cli-preview');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'Sale', body: 'Ten percent off' });
    await client.put('page', 'home', { title: 'Home', path: '/', blocks: [] });
    await client.publish('page', 'home');

    const preview = await run(['preview', site.slug, '--json'], { env: env(site, site.tokens.reviewer) });
    expect(preview.code).toBe(0);
    const body = json(preview);
    expect(body.fingerprint).toBe((await client.preview()).fingerprint);
    expect(body.summary).toMatchObject({ added: 2, changed: 0, removed: 0 });
    expect(body.changes.map((c: { key: string; op: string }) => [c.key, c.op]).sort()).toEqual([
      ['home', 'added'],
      ['sale', 'added'],
    ]);

    const table = await run(['preview', site.slug], { env: env(site, site.tokens.reviewer) });
    expect(table.stdout).toContain(`fingerprint ${body.fingerprint}`);
    expect(table.stdout).toMatch(/^popup\s+sale\s+added\s+—\s+v1$/m);
  });

  it('promotes and follows the job to its end, printing progress lines off a terminal', async () => {
    const site = await newSite('cli-promote');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'Sale', body: 'Ten percent off' });
    // Holding the site's job lock keeps the job queued (as a busy worker would) until the test lets it go.
    const lock = (await app.get(SiteLock).tryAcquire(site.id))!;
    let promoted: ReturnType<typeof cli>;
    try {
      promoted = cli(['promote', site.slug, '--wait', '--note', 'from CI'], { env: env(site, site.tokens.editor) });
      await eventually(async () => expect(promoted.stderrSoFar()).toContain('queued'));
    } finally {
      await lock.release();
    }
    const result = await promoted.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^promotion [0-9a-f-]+ queued \(0%\)$/m);
    expect(result.stdout).toMatch(/^promotion [0-9a-f-]+ succeeded: production v0 → v1 in \d+ ms/);
    const site2 = await client.site();
    expect(site2.environments.production.version).toBe(1);
    expect((await client.production('popup', 'sale')).body.data).toEqual({ title: 'Sale', body: 'Ten percent off' });

    // Nothing left to promote: refused by the CLI itself, before any job.
    const again = await run(['promote', site.slug, '--wait'], { env: env(site, site.tokens.editor) });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("refused: nothing_to_promote — Production v1 already has staging's content.\n");
  });

  it('previews and promotes a selection with --select: what it needs comes along, the rest stays on staging', async () => {
    const site = await newSite('cli-select');
    const client = stagingClient(app, site);
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'email', type: 'email', label: 'Email' }],
    });
    await client.put('page', 'contact', {
      title: 'Contact',
      path: '/contact',
      blocks: [{ id: 'f', type: 'form', form: 'contact' }],
    });
    await client.publish('page', 'contact');
    await client.put('popup', 'sale', { title: 'Sale' });

    const shown = await run(['preview', site.slug, '--select', 'page:contact'], { env: env(site) });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^form\s+contact\s+added.*\(needed by page\/contact\)$/m);
    expect(shown.stdout).not.toContain('sale');
    const promoted = await run(['promote', site.slug, '--select', 'page:contact', '--wait'], { env: env(site) });
    expect(promoted.code).toBe(0);
    expect((await client.production('form', 'contact')).status).toBe(200);
    expect((await client.production('popup', 'sale')).status).toBe(404);
    expect((await client.preview()).changes.map((c: any) => [c.type, c.key])).toEqual([['popup', 'sale']]);

    const wrong = await run(['promote', site.slug, '--select', 'contact'], { env: env(site) });
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      'refused: invalid_arguments — --select takes type:key pairs, not "contact".\n',
    ]);
  });

  it('refuses a promotion of a preview that went stale (exit 2, the code printed, JSON on request)', async () => {
    const site = await newSite('cli-stale');
    const client = stagingClient(app, site);
    await client.put('popup', 'a', { title: 'A' });
    const reviewed = json(await run(['preview', site.slug, '--json'], { env: env(site) }));
    await client.put('popup', 'b', { title: 'B' });

    const result = await run(['promote', site.slug, '--fingerprint', reviewed.fingerprint, '--json'], {
      env: env(site),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^refused: stale_preview — Staging or production changed/);
    expect(json(result).error.code).toBe('stale_preview');
    expect((await client.site()).environments.production.version).toBe(0);
  });

  it('fails (exit 1) when the job it waits for fails, naming the error and the job', async () => {
    const site = await newSite('cli-fail');
    const client = stagingClient(app, site);
    // A missing form (a missing image would be refused before the job by the launch report's missing_media).
    await client.put('page', 'p', { title: 'P', path: '/p', blocks: [{ id: 'f', type: 'form', form: 'missing' }] });
    await client.publish('page', 'p');
    const result = await run(['promote', site.slug, '--wait', '--json'], { env: env(site) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^failed: dangling_references — .* \(promotion [0-9a-f-]+\)$/m);
    expect(json(result)).toMatchObject({ error: { code: 'dangling_references' }, job: { status: 'failed' } });
  });

  it('prints the launch report, refuses a promotion over error checks naming the flag, and passes with it', async () => {
    const site = await newSite('cli-checks');
    const client = stagingClient(app, site);
    await client.put('page', 'home', { title: 'Home', path: '/', blocks: [] });
    await client.publish('page', 'home');
    await client.put('page', 'about', { title: 'About', path: '/about', blocks: [] });
    await client.publish('page', 'about');
    await client.promoteAll();
    // The candidate loses /about (no redirect) and uses a variable production lacks: two error codes.
    await client.remove('page', 'about');
    await client.put('page', 'home', { title: 'Home', path: '/', blocks: [{ type: 'text', text: '{{env.GA_ID}}' }] });
    await client.publish('page', 'home');

    const report = await run(['checks', site.slug], { env: env(site, site.tokens.reviewer) });
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/^launch checks: 2 errors, \d+ warnings?, \d+ info$/m);
    expect(report.stdout).toMatch(
      /^error\s+url_removed_without_redirect\s+page\/about\s+.*\(fix: 301 \/about → \/.*\)$/m,
    );
    expect(report.stdout).toMatch(/^error\s+variable_missing\s+variable\/GA_ID\s+Production does not define/m);
    expect(report.stderr).toBe(
      'failed: launch_checks_failed — 2 error checks would block the promotion: fix them, or promote with ' +
        '--acknowledge-checks url_removed_without_redirect,variable_missing.\n',
    );
    const reportJson = json(await run(['checks', site.slug, '--json'], { env: env(site, site.tokens.reviewer) }));
    expect(reportJson.error.details.map((c: { code: string }) => c.code)).toEqual([
      'url_removed_without_redirect',
      'variable_missing',
    ]);
    const preview = await run(['preview', site.slug], { env: env(site, site.tokens.reviewer) });
    expect(preview.stdout).toMatch(/^launch checks: 2 errors/m);

    const refused = await run(['promote', site.slug, '--wait'], { env: env(site, site.tokens.editor) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^refused: launch_checks_failed — 2 launch checks failed/);
    expect(refused.stderr).toMatch(/^ {2}error\s+url_removed_without_redirect\s+page\/about\s+/m);
    expect(refused.stderr).toMatch(/^ {2}error\s+variable_missing\s+variable\/GA_ID\s+/m);
    expect(refused.stderr).toContain(
      'promote over them with --acknowledge-checks url_removed_without_redirect,variable_missing.',
    );
    const refusedJson = await run(['promote', site.slug, '--json'], { env: env(site, site.tokens.editor) });
    expect(json(refusedJson).error).toMatchObject({ code: 'launch_checks_failed', details: expect.any(Array) });
    // One of the two acknowledged is still a refusal, naming only the other.
    const half = await run(['promote', site.slug, '--acknowledge-checks', 'variable_missing'], {
      env: env(site, site.tokens.editor),
    });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('with --acknowledge-checks url_removed_without_redirect.');
    expect((await client.site()).environments.production.version).toBe(1);

    await http()
      .put(`/api/sites/${site.slug}/production/variables`)
      .set(auth(site.tokens.owner))
      .send({ GA_ID: 'G-1' })
      .expect(200);
    const promoted = await run(
      [
        'promote',
        site.slug,
        '--wait',
        '--json',
        '--acknowledge-checks',
        'url_removed_without_redirect, robots_blocks_all',
      ],
      { env: env(site, site.tokens.editor) },
    );
    expect(promoted.code).toBe(0);
    expect(json(promoted)).toMatchObject({ status: 'succeeded', toVersion: 2 });
    const { body: audit } = await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.owner)).expect(200);
    const requested = audit.items.find(
      (e: { action: string; subject: string }) => e.action === 'promotion.requested' && e.subject === json(promoted).id,
    );
    expect(requested.details.acknowledgedChecks).toMatchObject({ codes: ['url_removed_without_redirect'] });
  });

  it('snapshots, restores with --wait, and reports the status', async () => {
    const site = await newSite('cli-restore');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'First' });
    await client.promoteAll();

    const snap = await run(['snapshot', site.slug, '--label', 'before v2', '--json'], { env: env(site) });
    expect(snap.code).toBe(0);
    const snapshot = json(snap);
    expect(snapshot).toMatchObject({ label: 'before v2', productionVersion: 1 });

    await client.put('popup', 'sale', { title: 'Second' });
    await client.promoteAll();
    expect((await client.production('popup', 'sale')).body.data).toEqual({ title: 'Second' });

    const restored = await run(['restore', site.slug, snapshot.id, '--wait'], { env: env(site) });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restore [0-9a-f-]+ succeeded: production v2 → v3/);
    expect((await client.production('popup', 'sale')).body.data).toEqual({ title: 'First' });

    const status = await run(['status', site.slug], { env: env(site, site.tokens.reviewer) });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('production   v3');
    expect(status.stdout).toContain('maintenance  no');
    expect(status.stdout).toContain('jobs         none running or scheduled');
    expect(status.stdout).toMatch(/^last {9}promotion [0-9a-f-]+ succeeded: production v1 → v2/m);
    const statusJson = json(await run(['status', site.slug, '--json'], { env: env(site, site.tokens.reviewer) }));
    expect(statusJson.site.environments.production.version).toBe(3);
    expect(statusJson.openPromotions).toEqual([]);

    // A reviewer may not restore: the API's 403 is a refusal.
    const forbidden = await run(['restore', site.slug, snapshot.id], { env: env(site, site.tokens.reviewer) });
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toMatch(/^refused: forbidden — /);
  });

  it('maps a 404 for undo to a refusal with its code', async () => {
    const site = await newSite('cli-undo');
    const result = await run(['undo', site.slug, randomUUID(), '--wait'], { env: env(site) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^refused: not_found — /);
  });

  it('undoes a promotion with --wait, and refuses an undo once production moved on', async () => {
    const site = await newSite('cli-undo-done');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'First' });
    await client.promoteAll();
    await client.put('popup', 'sale', { title: 'Second' });
    const second = await client.promoteAll();
    const undone = await run(['undo', site.slug, second.id, '--wait'], { env: env(site, site.tokens.editor) });
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(/^restore [0-9a-f-]+ succeeded: production v2 → v3/);
    expect((await client.production('popup', 'sale')).body.data).toEqual({ title: 'First' });
    const again = await run(['undo', site.slug, second.id], { env: env(site, site.tokens.editor) });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^refused: undo_unavailable — /);
  });

  it('schedules a promotion with --at and shows it in the status; a past time is refused', async () => {
    const site = await newSite('cli-schedule');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'Later' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await run(['promote', site.slug, '--at', at, '--json'], { env: env(site, site.tokens.editor) });
    expect(scheduled.code).toBe(0);
    expect(json(scheduled)).toMatchObject({ status: 'scheduled', runAt: at });
    const status = json(await run(['status', site.slug, '--json'], { env: env(site, site.tokens.reviewer) }));
    expect(status.openPromotions).toMatchObject([{ status: 'scheduled' }]);
    const past = await run(['promote', site.slug, '--at', '2020-01-01T00:00:00Z'], {
      env: env(site, site.tokens.editor),
    });
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/^refused: validation_failed — /);
  });

  it('fails (exit 1) when the server cannot be reached', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const result = await run(['status', 'any', '--url', nowhere, '--token', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`failed: network_error — Could not reach ${nowhere} (ECONNREFUSED).\n`);
  });

  it('refuses a wrong command line with exit 2', async () => {
    const result = await run(['promote']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^refused: invalid_arguments — missing required argument 'site'/);
  });

  it('never printed a token', () => {
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) for (const output of outputs) expect(output).not.toContain(token);
  });
});
