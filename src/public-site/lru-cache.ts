export interface LruLimits {
  maxEntries: number;
  /** Total of sizeOf over the entries; omit to bound by count only. */
  maxBytes?: number;
}

/**
 * A bounded least-recently-used map (a Map keeps insertion order, so the first key is the oldest). Bounded by
 * entry count and, with sizeOf, by total size: a cache of rendered pages must not grow with the site.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;

  constructor(
    private readonly limits: LruLimits,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (this.limits.maxBytes !== undefined && size > this.limits.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.total += size;
    while (
      this.entries.size > this.limits.maxEntries ||
      (this.limits.maxBytes !== undefined && this.total > this.limits.maxBytes)
    )
      this.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }
}
