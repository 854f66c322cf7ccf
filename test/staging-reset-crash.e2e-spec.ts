import type { NestExpressApplication } from '@nestjs/platform-express';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite } from './factories';
import { workerProcesses } from './service-process';
import { stagingClient } from './staging';

// A reset commits its backup, then its overwrite, each with its step's success. A worker killed between the
// two leaves a backup behind; an edit made then must still end up in the backup the reset keeps.
describe('a staging reset whose worker dies between the backup and the overwrite', () => {
  let api: NestExpressApplication;
  const workers = workerProcesses();
  beforeAll(async () => (api = await createTestApp({ api: true, worker: false })));
  afterAll(async () => {
    workers.killAll();
    await api.close();
  });
  const worker = workers.start;

  it('records the backup step as done only once it committed, and keeps the late edit in the backup', async () => {
    const site = await createSite(api, 'resetcrash');
    const client = stagingClient(api, site);
    const base = `/api/sites/${site.slug}`;
    await client.put('popup', 'a', { title: 'before' });

    const { body: job } = await client
      .http()
      .post(`${base}/staging/reset`)
      .set(auth(site.tokens.owner))
      .send({ confirm: site.slug })
      .expect(202);
    const crashing = await worker({ CRASH_AT: 'reset:copy-production' });
    await crashing.exited;
    expect(crashing.child.signalCode).toBe('SIGKILL');
    const interrupted = await client.job(job.id);
    expect(interrupted.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      'back-up-staging:succeeded',
      'copy-production:running',
    ]);

    // The edit lands after the backup committed and before the overwrite.
    await client.put('popup', 'late', { title: 'written while the reset was interrupted' });
    await worker();
    const done = await eventually(
      async () => {
        const body = await client.job(job.id);
        expect(body.status).toBe('succeeded');
        return body;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(done.steps.map((s: { status: string }) => s.status)).toEqual(['succeeded', 'succeeded']);
    expect((await client.site()).environments.staging.version).toBe(0);
    const { body: backups } = await client
      .http()
      .get(`${base}/staging/backups`)
      .set(auth(site.tokens.owner))
      .expect(200);
    expect(backups.items).toHaveLength(1);
    expect(backups.items[0]).toMatchObject({ id: done.result.backupId, entityCount: 2, stagingVersion: 2 });

    // Putting the backup back brings the late edit back: nothing was lost.
    await client
      .http()
      .post(`${base}/staging/backups/${done.result.backupId}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await eventually(
      async () =>
        expect(
          (await client.http().get(`${base}/staging/content/popup/late`).set(auth(site.tokens.editor))).status,
        ).toBe(200),
      { timeoutMs: 30_000 },
    );
  });
});
