import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnService, type ServiceProcess } from './service-process';
import { startReceiver } from './webhook-receiver';

const ADMIN = process.env.ADMIN_TOKEN!;

async function stop(service: ServiceProcess): Promise<string> {
  service.child.kill('SIGTERM');
  await service.exited;
  return service.output();
}

// The service as it runs in production, its JSON access log on stdout read whole: no credential may be in it,
// whichever way it travelled (Authorization, Cookie, Set-Cookie, a review link's URL, a secret-looking header).
describe('secrets in logs', () => {
  it('logs requests with every token, cookie and secret header redacted', async () => {
    const service = await spawnService({ PROCESS_ROLE: 'api', LOG_LEVEL: 'info', SEED_DEMO: 'false' });
    const base = `http://127.0.0.1:${service.port}`;
    const call = (url: string, init: RequestInit = {}) => fetch(base + url, { redirect: 'manual', ...init });
    const json = (token: string, body?: unknown): RequestInit => ({
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let secrets: string[] = [ADMIN];
    let slug = '';
    try {
      slug = `logs-${process.pid}-${Date.now().toString(36)}`;
      expect((await call('/api/sites', json(ADMIN, { slug, name: 'Logs' }))).status).toBe(201);
      const owner = (await (await call(`/api/sites/${slug}/tokens`, json(ADMIN, { role: 'owner' }))).json()).token;
      const link = await (await call(`/api/sites/${slug}/review-links`, json(owner, { expiresInHours: 1 }))).json();
      const reviewToken = new URL(link.url, base).searchParams.get('review')!;

      // The review link: its token in the URL, then as a cookie set by the answer and sent back.
      const traded = await call(link.url, { headers: { Referer: base + link.url } });
      expect(traded.status).toBe(303);
      const reviewCookie = traded.headers.getSetCookie().find((c) => c.startsWith('promote_review='))!;
      expect(reviewCookie).toContain(encodeURIComponent(reviewToken));
      await call(`/preview/${slug}/`, { headers: { Cookie: reviewCookie.split(';')[0] } });
      // A visitor's session: the cookie the public site sets, then sends back.
      const visit = await call(`/sites/${slug}/no-such-page`);
      const sessionCookie = visit.headers.getSetCookie().find((c) => c.startsWith('promote_session='))!;
      const session = sessionCookie.split(';')[0];
      await call(`/sites/${slug}/collect`, {
        method: 'POST',
        headers: { Cookie: session, 'Content-Type': 'application/json' },
        body: JSON.stringify({ event: 'page_view', path: '/' }),
      });
      // Other ways a client may carry a secret.
      await call(`/api/sites/${slug}/production/content/popup/x?token=query-secret-123`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${owner}`,
          'X-Break-Glass': 'break-glass-reason-456',
          'X-Api-Key': 'api-key-secret-789',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ data: { title: 'x' } }),
      });
      secrets = [
        ADMIN,
        owner,
        reviewToken,
        encodeURIComponent(reviewToken),
        session.split('=')[1],
        'query-secret-123',
        'break-glass-reason-456',
        'api-key-secret-789',
      ];
    } finally {
      const output = await stop(service);
      const requests = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line))
        .filter((entry) => entry.req);
      // The log is there (so the test reads something), with the redaction marks where secrets were.
      expect(requests.map((r) => r.req.url)).toContain(`/preview/${slug}/`);
      expect(requests.some((r) => r.res?.headers?.['set-cookie'] === '[redacted]')).toBe(true);
      expect(requests.some((r) => r.req.headers.cookie === '[redacted]')).toBe(true);
      expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
    }
  }, 60_000);

  it('never logs a webhook secret, signature or receiver URL, delivering or retrying', async () => {
    const receiver = await startReceiver();
    const service = await spawnService({ LOG_LEVEL: 'debug', SEED_DEMO: 'false', WEBHOOK_RETRY_BASE_MS: '50' });
    const base = `http://127.0.0.1:${service.port}`;
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(base + url, {
        method,
        headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    };
    const path = '/hook/receiver-path-token-5f1e';
    const given = 'whsec_given_secret_3c9a1b7d';
    let secrets: string[] = [given, path];
    try {
      receiver.script(path, [503, 503, 200]);
      const slug = `logs-hook-${process.pid}-${Date.now().toString(36)}`;
      await call('POST', '/api/sites', { slug, name: 'Logs' });
      await call('POST', `/api/sites/${slug}/webhooks`, {
        url: receiver.url(path),
        events: ['promotion.succeeded'],
        secret: given,
      });
      const generated = (await call('POST', `/api/sites/${slug}/webhooks`, { url: receiver.url('/b'), events: ['*'] }))
        .secret as string;
      await call('PUT', `/api/sites/${slug}/staging/content/popup/sale`, { data: { title: 'Sale' } });
      const { fingerprint } = await call('GET', `/api/sites/${slug}/promotion/preview`);
      await call('POST', `/api/sites/${slug}/promotions`, { fingerprint });
      const deadline = Date.now() + 30_000;
      const succeeded = () =>
        receiver.received(path).filter((r) => r.headers['promote-event'] === 'promotion.succeeded');
      while (!succeeded().some((r) => r.answered === 200) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const signatures = receiver.received().map((r) => String(r.headers['promote-signature']).split('v1=')[1]);
      expect(succeeded().map((r) => r.answered)).toEqual([503, 503, 200]);
      secrets = [given, generated, path, ...signatures];
    } finally {
      const output = await stop(service);
      await receiver.close();
      expect(output).toContain('Promote is up');
      expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
    }
  }, 60_000);

  it('never prints the admin token at boot: from ADMIN_TOKEN it says so, generated it names the file', async () => {
    const given = await spawnService({ PROCESS_ROLE: 'api', LOG_LEVEL: 'info', SEED_DEMO: 'false' });
    const givenOutput = await stop(given);
    expect(givenOutput).toContain('admin token:     from ADMIN_TOKEN');
    expect(givenOutput).not.toContain(ADMIN);

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'promote-admin-token-'));
    try {
      const generated = await spawnService({
        PROCESS_ROLE: 'api',
        LOG_LEVEL: 'info',
        SEED_DEMO: 'false',
        DATA_DIR: dataDir,
        ADMIN_TOKEN: undefined as unknown as string, // unset: the service generates one into DATA_DIR
      });
      const output = await stop(generated);
      const file = path.join(dataDir, 'admin-token');
      const token = readFileSync(file, 'utf8').trim();
      expect(token).toMatch(/^adm_/);
      expect(output).toContain(`admin token:     in ${file}`);
      expect(output).not.toContain(token);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
