import { runPool } from './run-pool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('runPool', () => {
  it('runs every item with bounded parallelism', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];

    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      peak = Math.max(peak, ++inFlight);
      await tick();
      inFlight--;
      done.push(item);
    });

    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops starting items after a failure and throws it once the rest settled', async () => {
    const started: number[] = [];
    let inFlight = 0;

    const run = runPool([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      inFlight++;
      await tick();
      inFlight--;
      if (item === 2) throw new Error('item 2 failed');
    });

    await expect(run).rejects.toThrow('item 2 failed');
    expect(inFlight).toBe(0);
    expect(started.length).toBeLessThan(6);
  });

  it('does nothing for no items', async () => {
    const work = jest.fn();
    await runPool([], 4, work);
    expect(work).not.toHaveBeenCalled();
  });
});
