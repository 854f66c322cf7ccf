import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry past its entry limit', () => {
    const cache = new LruCache<number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('stays within its byte budget and skips a value bigger than the whole budget', () => {
    const cache = new LruCache<Buffer>({ maxEntries: 100, maxBytes: 10 }, (b) => b.length);
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    cache.set('c', Buffer.alloc(4));
    expect(cache.bytes).toBe(8);
    expect(cache.get('a')).toBeUndefined();
    cache.set('huge', Buffer.alloc(11));
    expect(cache.get('huge')).toBeUndefined();
    cache.set('b', Buffer.alloc(2));
    expect(cache.bytes).toBe(6);
  });
});
