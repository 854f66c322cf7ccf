import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The built console (console/dist, made by `vite build`), found from the project root: the first folder above
 * this file with a package.json (src/console in tests, dist/src/console when built, /app in the image).
 */
export function consoleDistDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'console', 'dist');
}

/** What to answer for a path under /console/: one of the built files, the app's index.html, or nothing. */
export type ConsoleAnswer =
  { kind: 'file'; path: string; immutable: boolean } | { kind: 'index' } | { kind: 'missing' };

export function resolveConsolePath(distDir: string, segments: readonly string[]): ConsoleAnswer {
  const wanted = resolve(distDir, ...segments);
  const inside = relative(distDir, wanted);
  if (inside.startsWith('..') || inside.startsWith(sep) || segments.some((s) => s.startsWith('.')))
    return { kind: 'missing' };
  if (inside === 'index.html') return { kind: 'index' };
  if (inside && isFile(wanted))
    // Vite names everything under assets/ by its content hash, so those never change.
    return { kind: 'file', path: inside, immutable: inside.startsWith(`assets${sep}`) };
  // A path with an extension is a file the build does not have; anything else is one of the app's own routes.
  const last = segments[segments.length - 1] ?? '';
  return /\.[a-z0-9]+$/i.test(last) ? { kind: 'missing' } : { kind: 'index' };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
