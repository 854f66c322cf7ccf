import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../src/platform/bootstrap/free-port';
import { api, benchServices, bootApp, median, startProber, waitForJob } from '../harness';
import { writeSuiteResult } from '../results';

const ROUNDS = Number(process.env.BENCH_RECOVERY_ROUNDS ?? 5);
const MAIN = path.join(__dirname, '..', '..', 'src', 'main.js');

type Api = ReturnType<typeof api>;

interface Worker {
  child: ChildProcess;
  /** performance.now() when it printed "Promote is up". */
  upAt: Promise<number>;
  exited: Promise<number>;
}

/**
 * Issue 11's numbers: a worker is killed (SIGKILL) holding production's maintenance lease in the middle of a
 * promotion, then a fresh worker starts. Takeover: from the fresh worker being up to the job succeeded. Dark:
 * the longest stretch of 503 that a visitor in another process saw. Medians over rounds.
 */
export async function runRecoveryBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env, { api: true, worker: false });
  const admin = api(url, config.adminToken);
  const rows: Record<string, string | number>[] = [];
  const startWorker = (env: Record<string, string> = {}) =>
    spawnWorker({ ...services.env, PROCESS_ROLE: 'worker', ...env });
  try {
    const slug = `recovery-${Date.now().toString(36)}`;
    await admin('POST', '/api/sites', { slug, name: 'Recovery bench' });
    const stage = (text: string) =>
      admin('POST', `/api/sites/${slug}/staging/import`, {
        entities: [
          {
            type: 'page',
            key: 'home',
            publish: true,
            data: { title: 'Home', path: '/', blocks: [{ id: 't', type: 'text', text }] },
          },
        ],
      });
    await stage('round start');
    const first = await startWorker();
    await first.upAt;
    await waitForJob(admin, (await promote(admin, slug)).id);
    await stop(first);

    const takeoverMs: number[] = [];
    const killToDoneMs: number[] = [];
    const darkMs: number[] = [];
    const recordedMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await stage(`round ${round}`);
      const prober = await startProber(`${url}/sites/${slug}/`);
      const job = await promote(admin, slug);
      const crashing = await startWorker({ CRASH_AT: 'swap:leased' });
      await crashing.exited;
      const killedAt = performance.now();
      const fresh = await startWorker();
      const upAt = await fresh.upAt;
      const done = await waitForJob(admin, job.id);
      const doneAt = performance.now();
      const seen = await prober.stop();
      await stop(fresh);
      takeoverMs.push(doneAt - upAt);
      killToDoneMs.push(doneAt - killedAt);
      darkMs.push(Math.max(0, ...seen.windows.map((w) => w.end - w.start)));
      recordedMs.push(done.timings.maintenanceMs);
      process.stderr.write(
        `  round ${round}: takeover ${Math.round(doneAt - upAt)} ms after the fresh worker was up, ` +
          `dark ${Math.round(darkMs[round])} ms, recorded ${done.timings.maintenanceMs} ms\n`,
      );
    }
    rows.push({
      rounds: ROUNDS,
      'takeover: fresh worker up → job succeeded (ms)': Math.round(median(takeoverMs)),
      'takeover, worst round (ms)': Math.round(Math.max(...takeoverMs)),
      'kill → job succeeded (ms)': Math.round(median(killToDoneMs)),
      'longest dark period, prober (ms)': Math.round(median(darkMs)),
      'longest dark period, worst round (ms)': Math.round(Math.max(...darkMs)),
      'maintenance window as the job records it (ms)': Math.round(median(recordedMs)),
    });
  } finally {
    await app.close();
    await services.close();
  }
  writeSuiteResult({
    suite: 'recovery',
    tables: [
      {
        title: 'A worker killed holding the maintenance lease, then a fresh worker',
        note:
          'Each round: a promotion whose worker kills itself (SIGKILL) right after taking production’s maintenance lease; ' +
          'then a fresh worker process starts (its boot, a few seconds here, is not counted in the takeover). Dark: the ' +
          'longest stretch of 503 answers a visitor in another process saw in the round. Medians unless “worst”.',
        rows,
      },
    ],
  });
}

async function spawnWorker(env: Record<string, string>): Promise<Worker> {
  const port = String(await freePort()); // workers serve /health too: never on another run's port
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  const upAt = new Promise<number>((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Promote is up')) resolve(performance.now());
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    void exited.then(() => reject(new Error(`worker exited before it was up:\n${output.slice(-2000)}`)));
  });
  upAt.catch(() => {}); // a crashing worker may die before it prints that it is up
  return { child, upAt, exited };
}

async function stop(worker: Worker): Promise<void> {
  worker.child.kill('SIGTERM');
  await worker.exited;
}

async function promote(admin: Api, slug: string): Promise<{ id: string }> {
  const { fingerprint } = await admin('GET', `/api/sites/${slug}/promotion/preview?limit=1`);
  return admin('POST', `/api/sites/${slug}/promotions`, { fingerprint });
}
