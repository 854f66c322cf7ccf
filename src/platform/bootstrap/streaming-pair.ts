import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { freePort } from './free-port';

const NEEDED = ['initdb', 'postgres', 'pg_basebackup'];

/** A PostgreSQL server of a test's or benchmark's own, started from the machine's binaries. */
export interface LocalServer {
  port: number;
  url(database: string): string;
  /** One statement on a connection of its own, in `database` (default: postgres). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface StreamingPair {
  primary: LocalServer;
  replica: LocalServer;
  close(): Promise<void>;
}

/**
 * A private primary and a streaming hot standby of it (`pg_basebackup -R`: standby.signal and
 * primary_conninfo), both from the machine's PostgreSQL binaries, in a temporary directory that close()
 * removes with both servers (for the read-replica test and benchmark). Private, because the shared server on
 * 5432 has no replication entry in pg_hba and other runs' databases should not stream into this one, and
 * because a test pauses its replay. Missing binaries fail loudly: the test never skips.
 */
export async function startStreamingPair(database: string): Promise<StreamingPair> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promote-replica-'));
  // PostgreSQL refuses to run as root: as root, every server process runs as the postgres OS user.
  const owner = process.getuid?.() === 0 ? osUser('postgres') : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const servers: Server[] = [];
  const killAll = () => servers.forEach((s) => s.kill());
  process.once('exit', killAll);
  const close = async () => {
    for (const server of servers.reverse()) await server.stop().catch(() => server.kill());
    process.removeListener('exit', killAll);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const run = (tool: string, args: string[]) =>
      execFileSync(path.join(bin, tool), args, { cwd: dir, stdio: 'pipe', ...owner });
    run('initdb', ['-D', path.join(dir, 'primary'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const primary = new Server(bin, dir, 'primary', await freePort(), owner, ['-c', 'fsync=off']);
    servers.push(primary);
    await primary.start();
    await primary.query(`create database "${database}"`);
    // -R writes standby.signal and primary_conninfo; -X stream brings the WAL written during the copy; a fast
    // checkpoint, or the copy waits out a spread one (90 s here).
    run(
      'pg_basebackup',
      ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'].concat([
        '-D',
        path.join(dir, 'replica'),
        '-R',
        '-X',
        'stream',
        '--no-sync',
        '--checkpoint=fast',
      ]),
    );
    const replica = new Server(bin, dir, 'replica', await freePort(), owner, ['-c', 'hot_standby=on']);
    servers.push(replica);
    await replica.start();
    const [{ standby }] = await replica.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
    if (!standby) throw new Error('the replica did not start as a standby');
    return { primary, replica, close };
  } catch (error) {
    await close();
    throw error;
  }
}

class Server implements LocalServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly name: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
    private readonly settings: string[],
  ) {}

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async query<T>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database), connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async start(): Promise<void> {
    const log = openSync(path.join(this.dir, `${this.name}.log`), 'a');
    const args = ['-D', path.join(this.dir, this.name), '-p', String(this.port), '-k', this.dir];
    const child = spawn(
      path.join(this.bin, 'postgres'),
      [...args, '-c', 'listen_addresses=127.0.0.1', ...this.settings],
      {
        cwd: this.dir,
        stdio: ['ignore', log, log],
        ...this.owner,
      },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.name} PostgreSQL exited at start: ${this.log()}`);
      try {
        await this.query('select 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${this.name} PostgreSQL did not answer: ${error}\n${this.log()}`);
        await sleep(50);
      }
    }
  }

  /** A fast shutdown (SIGINT): open connections are closed, as when a server goes away. */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGINT');
    await this.exited;
    this.child = null;
  }

  kill(): void {
    if (this.child?.exitCode === null) this.child.kill('SIGKILL');
  }

  private log(): string {
    const file = path.join(this.dir, `${this.name}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8').slice(-2000) : '';
  }
}

/** The directory of initdb, postgres and pg_basebackup: PG_BINDIR, else one on PATH, else the newest Debian one. */
function postgresBinaries(): string {
  const candidates = [process.env.PG_BINDIR, ...(process.env.PATH ?? '').split(path.delimiter)];
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const major of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(debian, major, 'bin'));
  const found = candidates.find((dir) => dir && NEEDED.every((tool) => existsSync(path.join(dir, tool))));
  if (!found)
    throw new Error(
      `The streaming replica (read-replica test, replica bench) needs PostgreSQL's ${NEEDED.join(', ')} (looked in PG_BINDIR, PATH and ${debian}/*/bin): install postgresql or set PG_BINDIR`,
    );
  return found;
}

function osUser(name: string): { uid: number; gid: number } {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, name]).toString().trim()));
    return { uid, gid };
  } catch {
    throw new Error(
      `Running as root, the streaming pair starts PostgreSQL as the "${name}" OS user, and there is none`,
    );
  }
}
