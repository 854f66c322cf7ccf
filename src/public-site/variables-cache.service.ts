import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvName } from '../sites/site.types';
import { VariablesService } from '../variables/variables.service';

/** An environment's rendered variables, and a tag of them that is part of every rendered page's cache key. */
export interface RenderVariables {
  values: Readonly<Record<string, string>>;
  tag: string;
}

// The fallback when a pub/sub message is lost: a change of variables is seen within this long.
const VARIABLES_TTL_MS = 60_000;

/** Each environment's variables in memory, refreshed at once by the site event a change announces. */
@Injectable()
export class VariablesCache implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new LRUCache<string, RenderVariables>({ max: 20_000, ttl: VARIABLES_TTL_MS });
  private readonly generations = new Map<string, number>();
  private unsubscribe?: () => void;

  constructor(
    private readonly variables: VariablesService,
    private readonly events: SiteEventsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      if (event.kind !== 'variables') return;
      const key = keyOf(event.siteId, event.env);
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      this.cache.delete(key);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  peek(siteId: string, env: EnvName): RenderVariables | undefined {
    return this.cache.get(keyOf(siteId, env));
  }

  async get(siteId: string, env: EnvName): Promise<RenderVariables> {
    const key = keyOf(siteId, env);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const generation = this.generations.get(key) ?? 0;
    const values = await this.variables.renderedValues(siteId, env);
    const loaded = { values, tag: tagOf(values) };
    if ((this.generations.get(key) ?? 0) === generation) this.cache.set(key, loaded);
    return loaded;
  }
}

const keyOf = (siteId: string, env: EnvName) => `${siteId}:${env}`;

function tagOf(values: Record<string, string>): string {
  const names = Object.keys(values);
  if (!names.length) return '-';
  return createHash('sha256')
    .update(JSON.stringify(names.sort().map((n) => [n, values[n]])))
    .digest('hex')
    .slice(0, 16);
}
