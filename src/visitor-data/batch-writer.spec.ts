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

  it('counts an item by its size, so a group of rows fills a batch by its rows', async () => {
    const batches: string[][][] = [];
    const writer = new BatchWriter<string[]>(async (groups) => void batches.push(groups), {
      maxBatch: 10,
      maxDelayMs: 1000,
      sizeOf: (group) => group.length,
    });
    const four = () => writer.add(['a', 'b', 'c', 'd']);
    const added = [four(), four(), four(), four()];
    await writer.flush();
    await Promise.all(added);
    expect(batches.map((b) => b.flat().length)).toEqual([12, 4]);
  });

  it('rejects only the adds whose items the write refuses; the rest of their batch is stored', async () => {
    const stored: string[] = [];
    let writes = 0;
    const writer = new BatchWriter<string>(
      async (items) => {
        writes++;
        const bad = items.find((item) => item.startsWith('bad'));
        if (bad) throw new Error(`refused ${bad}`);
        stored.push(...items);
      },
      { maxBatch: 1000, maxDelayMs: 1000 },
    );
    const items = Array.from({ length: 64 }, (_, i) => (i === 9 || i === 40 ? `bad-${i}` : `ok-${i}`));
    const added = items.map((item) => writer.add(item));
    await writer.flush();
    const outcomes = await Promise.allSettled(added);

    const rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[items[i], o.reason.message]] : []));
    expect(rejected).toEqual([
      ['bad-9', 'refused bad-9'],
      ['bad-40', 'refused bad-40'],
    ]);
    expect([...stored].sort()).toEqual(items.filter((item) => item.startsWith('ok')).sort());
    // Split in halves, not retried one by one: two bad items among 64 cost far fewer than 64 writes.
    expect(writes).toBeLessThan(30);
  });

  it('rejects every add at once when the failure is no item’s fault, and flush waits for writes under way', async () => {
    let fail = true;
    let writes = 0;
    const stored: string[] = [];
    const writer = new BatchWriter<string>(
      async (items) => {
        writes++;
        if (fail) throw new Error('database down');
        stored.push(...items);
      },
      { maxBatch: 10, maxDelayMs: 1000, isolate: (error) => (error as Error).message !== 'database down' },
    );
    const failed = [writer.add('a'), writer.add('b'), writer.add('c')];
    await writer.flush();
    const outcomes = await Promise.allSettled(failed);
    expect(outcomes.map((o) => o.status === 'rejected' && o.reason.message)).toEqual(Array(3).fill('database down'));
    expect(writes).toBe(1);
    fail = false;
    const later = writer.add('d');
    await writer.flush();
    await later;
    expect(stored).toEqual(['d']);
  });

  it('tells its hooks of every retry write and of the rows it could not store', async () => {
    let retries = 0;
    let refusedRows = 0;
    let writes = 0;
    let down = false;
    const writer = new BatchWriter<string[]>(
      async (groups) => {
        writes++;
        if (down) throw new Error('database down');
        if (groups.some((group) => group.includes('bad'))) throw new Error('refused');
      },
      {
        maxBatch: 1000,
        maxDelayMs: 1000,
        sizeOf: (group) => group.length,
        isolate: (error) => (error as Error).message === 'refused',
        onRetry: () => retries++,
        onRefused: (rows) => (refusedRows += rows),
      },
    );
    const groups = [['a', 'b'], ['c'], ['bad', 'd', 'e'], ['f']];
    const added = groups.map((group) => writer.add(group));
    await writer.flush();
    await Promise.allSettled(added);
    // 4 groups → halves of 2 → the bad group alone: every write after the first is a retry.
    expect({ retries, refusedRows }).toEqual({ retries: writes - 1, refusedRows: 3 });
    expect(retries).toBe(4);

    down = true;
    const lost = [writer.add(['g', 'h']), writer.add(['i'])];
    await writer.flush();
    await Promise.allSettled(lost);
    expect({ retries, refusedRows }).toEqual({ retries: 4, refusedRows: 6 });
  });
});
