import { accessSync, constants } from 'node:fs';

/** Why the visual diff cannot run here, or null when the configured Chromium is an executable file. */
export function chromiumMissing(chromiumPath: string): string | null {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return null;
  } catch {
    return (
      `No Chromium at ${chromiumPath} (VISUAL_DIFF_CHROMIUM): install one with scripts/ensure-chromium.sh ` +
      'or point the variable at a Chromium binary.'
    );
  }
}
