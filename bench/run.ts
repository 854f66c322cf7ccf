import 'reflect-metadata';
import { SUITES } from './suites';

/** `npm run bench [suite ...]`: runs the named suites (all by default), one after another. */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in SUITES));
  if (unknown.length)
    throw new Error(`Unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  for (const [name, run] of Object.entries(SUITES)) {
    if (wanted.length && !wanted.includes(name)) continue;
    process.stderr.write(`\n== bench: ${name}\n`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
