import { Writable } from 'node:stream';
import { lineReporter, progressReporter } from './progress';
import type { Job } from './types';

const job = (status: string, progress: number, step: string | null = null) =>
  ({ id: 'j1', kind: 'promotion', status, progress, step }) as Job;

describe('job progress', () => {
  it('prints one plain line per change and leaves the outcome to the command', () => {
    let out = '';
    const reporter = lineReporter({ write: (s: string) => ((out += s), true) } as NodeJS.WritableStream);
    for (const j of [
      job('queued', 0),
      job('running', 20, 'buildState'),
      job('running', 20, 'buildState'),
      job('succeeded', 100),
    ])
      reporter.update(j);
    expect(out).toBe('promotion j1 queued (0%)\npromotion j1 running: buildState (20%)\n');
  });

  it('draws the job’s percentage and step on a terminal', () => {
    let out = '';
    const terminal = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((out += chunk), done()) }), {
      isTTY: true,
      columns: 100,
    }) as unknown as NodeJS.WriteStream;
    const reporter = progressReporter(terminal);
    reporter.update(job('running', 40, 'buildState'));
    reporter.update(job('running', 80, 'swap'));
    reporter.stop();
    expect(out).toContain('promotion');
    expect(out).toMatch(/80% \| running: swap/);
  });
});
