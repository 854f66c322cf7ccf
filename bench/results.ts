import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Relative to where `npm run bench` runs (the repository root), so a build placed elsewhere writes here too.
export const RESULTS_DIR = path.resolve('bench', 'results');

/** One table of a suite: its rows are objects with the same keys. */
export interface BenchTable {
  title: string;
  note?: string;
  rows: Record<string, string | number>[];
}

export interface SuiteResult {
  suite: string;
  tables: BenchTable[];
}

export function writeSuiteResult(result: SuiteResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamped = {
    ...result,
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
  };
  writeFileSync(path.join(RESULTS_DIR, `${result.suite}.json`), JSON.stringify(stamped, null, 2) + '\n');
  writeSummary();
}

/** bench/results/README.md: every suite's tables, from the JSON files, so the two never disagree. */
export function writeSummary(): void {
  const files = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  let md =
    '# Benchmark results\n\nWritten by `npm run bench` from the JSON files beside this one. Medians unless a column says otherwise.\n';
  for (const file of files) {
    const result = JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8'));
    md += `\n## ${result.suite}\n\nMeasured ${result.measuredAt} on ${result.machine.cpus} cores (${result.machine.cpuModel}), Node ${result.machine.node}.\n`;
    for (const table of result.tables as BenchTable[]) {
      md += `\n### ${table.title}\n\n`;
      if (table.note) md += `${table.note}\n\n`;
      const columns = Object.keys(table.rows[0] ?? {});
      md += `| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`;
      for (const row of table.rows) md += `| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |\n`;
    }
  }
  writeFileSync(path.join(RESULTS_DIR, 'README.md'), md);
}
