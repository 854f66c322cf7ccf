import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface ScreenshotComparison {
  /** Production's screenshot on the common canvas, the candidate's, and the changed pixels in red over a faded copy. */
  before: Buffer;
  after: Buffer;
  heatmap: Buffer;
  /** Changed pixels per hundred of the common canvas, to three decimals. */
  changedPercent: number;
  width: number;
  height: number;
}

// pixelmatch's own default; its anti-aliasing detection (includeAA off) keeps font smoothing from counting as change.
const THRESHOLD = 0.1;
// No per-row filter search: several times faster to encode, and flat screenshots compress well without it.
const ENCODING = { filterType: 0 } as const;

/**
 * Compares two PNG screenshots pixel by pixel. Pages of different heights are laid on one canvas of the larger
 * size, white below the shorter one, so what a page gained or lost counts as changed.
 */
export function compareScreenshots(beforePng: Buffer, afterPng: Buffer): ScreenshotComparison {
  const a = PNG.sync.read(beforePng);
  const b = PNG.sync.read(afterPng);
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const before = onCanvas(a, width, height);
  const after = onCanvas(b, width, height);
  const heatmap = new PNG({ width, height });
  const changed = pixelmatch(before.data, after.data, heatmap.data, width, height, { threshold: THRESHOLD });
  const same = before === a && after === b;
  return {
    before: same ? beforePng : PNG.sync.write(before, ENCODING),
    after: same ? afterPng : PNG.sync.write(after, ENCODING),
    heatmap: PNG.sync.write(heatmap, ENCODING),
    changedPercent: width * height === 0 ? 0 : Math.round((changed / (width * height)) * 100_000) / 1000,
    width,
    height,
  };
}

function onCanvas(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height, fill: true });
  canvas.data.fill(255);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}
