import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../src/platform/bootstrap/free-port';

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const MAIN = path.join(__dirname, '..', 'dist', 'src', 'main.js');

/** Starts the built service (`node dist/src/main.js`) as its own process with this run's environment. */
export async function spawnService(env: Record<string, string> = {}, waitUntilUp = true): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (waitUntilUp) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 60_000);
      const check = () => {
        if (output.includes('Promote is up')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`service exited early:\n${output}`));
      });
    });
  }
  return { child, port, output: () => output, exited };
}

/** The worker processes one test file starts; `killAll()` in afterAll so none outlives the file. */
export function workerProcesses(base: Record<string, string> = {}) {
  const started: ServiceProcess[] = [];
  return {
    start: async (env: Record<string, string> = {}) => {
      const worker = await spawnService({ PROCESS_ROLE: 'worker', ...base, ...env });
      started.push(worker);
      return worker;
    },
    killAll: () => {
      for (const w of started) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    },
  };
}
