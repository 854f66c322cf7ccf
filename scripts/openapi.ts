import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { buildOfflineOpenApiDocument } from '../src/platform/openapi/openapi-document';

// `write` regenerates the checked-in document and the console's types from the controllers; `check` (npm run
// lint) fails when either has drifted from the code, then lints the document with Redocly's recommended rules.
const root = path.join(__dirname, '..', '..');
const DOCUMENT = path.join(root, 'docs', 'openapi.json');
const TYPES = path.join(root, 'console', 'src', 'api-schema.ts');
const BANNER = '// Generated from docs/openapi.json by `npm run openapi`; do not edit by hand.\n';

async function generate(): Promise<{ document: string; types: string }> {
  const spec = await buildOfflineOpenApiDocument();
  const document = `${JSON.stringify(spec, null, 2)}\n`;
  const ast = await openapiTS(JSON.parse(document), { alphabetize: false, exportType: false });
  const options = { ...(await prettier.resolveConfig(TYPES)), filepath: TYPES };
  const types = await prettier.format(BANNER + astToString(ast), options);
  return { document, types };
}

async function main(mode: string | undefined): Promise<void> {
  const { document, types } = await generate();
  if (mode === 'write') {
    writeFileSync(DOCUMENT, document);
    writeFileSync(TYPES, types);
    return;
  }
  if (mode !== 'check') throw new Error('usage: openapi.js write|check');
  const drifted = [
    [DOCUMENT, document],
    [TYPES, types],
  ].filter(([file, wanted]) => readOrEmpty(file) !== wanted);
  if (drifted.length) {
    const names = drifted.map(([file]) => path.relative(root, file)).join(' and ');
    const verb = drifted.length > 1 ? 'no longer match' : 'no longer matches';
    throw new Error(`${names} ${verb} the controllers: run \`npm run openapi\` and commit the result.`);
  }
  execFileSync(path.join(root, 'node_modules', '.bin', 'redocly'), ['lint', '--format', 'stylish', DOCUMENT], {
    stdio: 'inherit',
    cwd: root,
  });
}

const readOrEmpty = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

main(process.argv[2]).then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
