import { PNG } from 'pngjs';
import { compareScreenshots } from './compare-screenshots';

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      [image.data[i], image.data[i + 1], image.data[i + 2]] = paint(x, y);
      image.data[i + 3] = 255;
    }
  return PNG.sync.write(image);
}

const white = () => [255, 255, 255] as [number, number, number];

describe('compareScreenshots', () => {
  it('finds nothing changed between identical screenshots', () => {
    const shot = png(40, 30, (x) => (x < 20 ? [0, 0, 0] : [255, 255, 255]));
    const result = compareScreenshots(shot, shot);
    expect(result.changedPercent).toBe(0);
    expect([result.width, result.height]).toEqual([40, 30]);
  });

  it('measures the changed share and marks it on the heatmap', () => {
    const before = png(10, 10, white);
    // A black 5×2 block: 10 of 100 pixels.
    const after = png(10, 10, (x, y) => (x < 5 && y < 2 ? [0, 0, 0] : [255, 255, 255]));
    const result = compareScreenshots(before, after);
    expect(result.changedPercent).toBe(10);
    const heatmap = PNG.sync.read(result.heatmap);
    expect([...heatmap.data.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect(heatmap.data[(9 * 10 + 9) * 4 + 1]).toBeGreaterThan(200); // an unchanged pixel stays pale
  });

  it('counts what a longer page gained as changed, on a common canvas', () => {
    const before = png(10, 5, () => [0, 0, 0]);
    const after = png(10, 10, () => [0, 0, 0]);
    const result = compareScreenshots(before, after);
    expect([result.width, result.height]).toEqual([10, 10]);
    expect(result.changedPercent).toBe(50);
    expect(PNG.sync.read(result.before).height).toBe(10);
  });
});
