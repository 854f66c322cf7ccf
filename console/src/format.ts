import type { Counts } from './types';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "3 added, 1 changed, 2 removed", leaving out the zeros; "no changes" when all are zero. */
export function describeCounts(c: Pick<Counts, 'added' | 'changed' | 'removed'>): string {
  const parts = [
    c.added ? `${c.added.toLocaleString()} added` : '',
    c.changed ? `${c.changed.toLocaleString()} changed` : '',
    c.removed ? `${c.removed.toLocaleString()} removed` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

export const typeLabel = (type: string): string => type.replace(/_/g, ' ');

/**
 * Who started something: the API records `admin` or `token:<id>`; an owner's console knows the tokens'
 * labels and roles, others see a short id.
 */
export function actorName(actor: string | null | undefined, tokens: Map<string, string>): string {
  if (!actor) return '—';
  if (actor === 'admin') return 'platform admin';
  const id = actor.startsWith('token:') ? actor.slice(6) : actor;
  return tokens.get(id) ?? `token ${id.slice(0, 8)}`;
}
