import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/** What one load run does; written to a JSON file whose path is this script's argument. */
export interface LoadSpec {
  url: string;
  paths: string[];
  connections: number;
  /** Seconds, or `amount` requests in all. */
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
}

/**
 * The load generator of the render benchmark, run as its own process (so it never shares the app's core):
 * autocannon requesting `paths` in turn, printing autocannon's result as JSON on stdout.
 * Usage: node render-load.js <spec.json>
 */
function main(): void {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  let next = 0;
  autocannon(
    {
      url: spec.url,
      connections: spec.connections,
      ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.duration }),
      headers: spec.headers,
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => ({ ...request, path: spec.paths[next++ % spec.paths.length] }),
        },
      ],
    },
    (error, result) => {
      if (error) {
        process.stderr.write(`${error.stack ?? error.message}\n`);
        process.exit(1);
      }
      process.stdout.write(JSON.stringify(result));
    },
  );
}

main();
