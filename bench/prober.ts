import * as http from 'node:http';

/**
 * A visitor in its own process: requests one URL back to back and records every stretch of 503 answers
 * (the maintenance page) with wall-clock times. Prints JSON on SIGTERM. Usage: node prober.js <url>
 */
const url = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const windows: { start: number; end: number; count: number }[] = [];
const statuses: Record<number, number> = {};
let requests = 0;
let stopping = false;
let previous = 0;

function get(): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(0));
  });
}

async function run(): Promise<void> {
  while (!stopping) {
    const sent = performance.timeOrigin + performance.now();
    const status = await get();
    const answered = performance.timeOrigin + performance.now();
    requests++;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === 503) {
      const last = windows[windows.length - 1];
      if (previous === 503) {
        last.end = answered;
        last.count++;
      } else windows.push({ start: sent, end: answered, count: 1 });
    }
    previous = status;
  }
}

process.on('SIGTERM', () => {
  stopping = true;
});
process.stdout.write('ready\n');
void run().then(() => {
  process.stdout.write(JSON.stringify({ requests, statuses, windows }) + '\n');
  process.exit(0);
});
