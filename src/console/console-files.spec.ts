import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { consoleDistDir, resolveConsolePath } from './console-files';

describe('resolveConsolePath', () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  beforeAll(() => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), '');
    writeFileSync(path.join(dist, 'favicon.svg'), '');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves built files, marking the content-hashed assets immutable', () => {
    expect(resolveConsolePath(dist, ['assets', 'index-abc123.js'])).toEqual({
      kind: 'file',
      path: path.join('assets', 'index-abc123.js'),
      immutable: true,
    });
    expect(resolveConsolePath(dist, ['favicon.svg'])).toEqual({ kind: 'file', path: 'favicon.svg', immutable: false });
  });

  it("answers the app's own routes with its index, and a missing file with nothing", () => {
    expect(resolveConsolePath(dist, [])).toEqual({ kind: 'index' });
    expect(resolveConsolePath(dist, ['sites', 'acme', 'promote'])).toEqual({ kind: 'index' });
    expect(resolveConsolePath(dist, ['index.html'])).toEqual({ kind: 'index' });
    expect(resolveConsolePath(dist, ['assets', 'gone-123.js'])).toEqual({ kind: 'missing' });
  });

  it('never leaves the build folder', () => {
    expect(resolveConsolePath(dist, ['..', 'package.json'])).toEqual({ kind: 'missing' });
    expect(resolveConsolePath(dist, ['../../etc/passwd'])).toEqual({ kind: 'missing' });
    expect(resolveConsolePath(dist, ['.env'])).toEqual({ kind: 'missing' });
  });
});

describe('consoleDistDir', () => {
  it('finds console/dist at the project root, from the source and from the build output alike', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(consoleDistDir(__dirname)).toBe(path.join(root, 'console', 'dist'));
    expect(consoleDistDir(path.join(root, 'dist', 'src', 'console'))).toBe(path.join(root, 'console', 'dist'));
  });
});
