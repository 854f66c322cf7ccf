import { BatchWriter } from './batch-writer';

describe('BatchWriter', () => {
  it('writes a burst in few batches and resolves each add once its batch is stored', async () => {
    const batches: number[][] = [];
    const writer = new BatchWriter<number>(
      async (items) => {
        await new Promise((r) => setTimeout(r, 5));
        batches.push(items);
      },
      { maxBatch: 100, maxDelayMs: 10 },
    );
    await Promise.all(Array.from({ length: 250 }, (_, i) => writer.add(i)));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('rejects every add of a failed batch, and flush waits for writes under way', async () => {
    let fail = true;
    const stored: string[] = [];
    const writer = new BatchWriter<string>(
      async (items) => {
        if (fail) throw new Error('database down');
        stored.push(...items);
      },
      { maxBatch: 10, maxDelayMs: 1000 },
    );
    const failed = [writer.add('a'), writer.add('b')];
    await writer.flush();
    await expect(Promise.all(failed)).rejects.toThrow('database down');
    fail = false;
    const later = writer.add('c');
    await writer.flush();
    await later;
    expect(stored).toEqual(['c']);
  });
});
