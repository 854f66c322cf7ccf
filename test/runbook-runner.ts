import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// Runs a runbook's fenced blocks as docs/runbooks/README.md ("How the runbooks are tested") describes them.

const ROOT = path.join(__dirname, '..');
export const RUNBOOKS = path.join(ROOT, 'docs', 'runbooks');
const CLI = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.promote);

export interface RunbookBlock {
  kind: 'runnable' | 'check' | 'manual';
  /** A manual step's name: the test does the operator's part of it for real. */
  name?: string;
  code: string;
  /** Lines the block's output must contain (a ```text expected block right after it). */
  expected: string[];
  line: number;
}

/** The blocks of a page that the runner acts on, in order; plain ```sh blocks are for reading only. */
export function parseRunbook(markdown: string): RunbookBlock[] {
  const blocks: RunbookBlock[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    const [lang, ...flags] = m[1].trim().split(/\s+/);
    const line = markdown.slice(0, m.index).split('\n').length;
    if (lang === 'text' && flags.includes('expected')) {
      const last = blocks.at(-1);
      if (!last || last.kind === 'manual') throw new Error(`line ${line}: an expected block follows no command block`);
      last.expected.push(...m[2].split('\n').filter((l) => l.trim()));
      continue;
    }
    const kind = (['runnable', 'check', 'manual'] as const).find((k) => flags.includes(k));
    if (!kind) continue;
    const name = flags.find((f) => f.startsWith('name='))?.slice('name='.length);
    blocks.push({ kind, name, code: m[2], expected: [], line });
  }
  return blocks;
}

export interface RunOptions {
  /** The variables of the convention ($PROMOTE_URL, $PROMOTE_TOKEN, $ADMIN_TOKEN, $SITE, …). */
  env: Record<string, string>;
  /** The operator's part of each named manual step; gets the page's variables so far, may add some. */
  manual?: Record<string, (vars: Record<string, string>) => Promise<Record<string, string> | void>>;
  /** How long a check keeps being retried: recovery is asynchronous. */
  checkWithinMs?: number;
  blockTimeoutMs?: number;
}

/**
 * Runs every runnable and check block of a page in order, in one shell session (variables carry from block to
 * block), and fails with the transcript on the first block that fails or lacks an expected line.
 */
export async function runRunbook(page: string, options: RunOptions): Promise<string> {
  const file = path.join(RUNBOOKS, page);
  const blocks = parseRunbook(await readFile(file, 'utf8'));
  if (!blocks.some((b) => b.kind === 'check')) throw new Error(`${page} has no check block`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runbook-'));
  const state = path.join(dir, 'state.sh');
  let transcript = '';
  try {
    for (const block of blocks) {
      const where = `${page}:${block.line}`;
      if (block.kind === 'manual') {
        const step = block.name && options.manual?.[block.name];
        if (!block.name) continue; // done by hand, nothing a test can stand in for
        if (!step) throw new Error(`${where}: no stand-in for the manual step "${block.name}"`);
        transcript += `\n# ${where} manual: ${block.name}\n`;
        const added = await step(await variables(dir));
        if (added) await appendVariables(state, added);
        continue;
      }
      const deadline = Date.now() + (block.kind === 'check' ? (options.checkWithinMs ?? 20_000) : 0);
      for (;;) {
        const run = await runBlock(block.code, state, dir, options);
        const missing = block.expected.filter((line) => !run.output.includes(line));
        const ok = run.code === 0 && missing.length === 0;
        if (ok || Date.now() >= deadline) {
          transcript += `\n# ${where} ${block.kind}\n${block.code}${run.output}`;
          if (!ok)
            throw new Error(
              `${where}: ${run.code !== 0 ? `exit ${run.code}` : `missing ${JSON.stringify(missing)}`}\n${transcript}`,
            );
          break;
        }
        await sleep(500);
      }
    }
    return transcript;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `npx promote` is the CLI that package.json's bin names; calling it directly saves npm's start-up on every line.
const PREAMBLE = `set -eo pipefail
npx() { if [ "$1" = promote ]; then shift; node "$PROMOTE_CLI" "$@"; else command npx "$@"; fi; }
`;

async function runBlock(source: string, state: string, dir: string, options: RunOptions) {
  const script = `${PREAMBLE}[ -f '${state}' ] && . '${state}'
set -a
${source}
set +a
export -p > '${state}.next' && mv '${state}.next' '${state}'
env -0 > '${path.join(dir, 'env')}'
`;
  const child = spawn('bash', ['-c', script], {
    cwd: ROOT,
    env: {
      ...options.env,
      PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
      HOME: dir,
      PROMOTE_CLI: CLI,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.blockTimeoutMs ?? 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  return { code, output };
}

async function variables(dir: string): Promise<Record<string, string>> {
  const raw = await readFile(path.join(dir, 'env'), 'utf8').catch(() => '');
  return Object.fromEntries(
    raw
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

async function appendVariables(state: string, values: Record<string, string>): Promise<void> {
  const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
  await appendFile(
    state,
    Object.entries(values)
      .map(([k, v]) => `export ${k}=${quote(v)}\n`)
      .join(''),
  );
}
