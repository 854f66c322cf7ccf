import type { EnvironmentRow } from '../sites/site.types';

/**
 * What an editor saw, cheaply: staging's change sequence (moves on every promotable change, never restarts)
 * and production's head state. Equal fingerprints mean equal manifests on both sides, so nothing to rehash.
 */
export interface Fingerprint {
  changeSeq: number;
  headStateId: number;
  /** A selective preview's: the hash of its normalized selection (the closure follows from it and the pair). */
  selection?: string;
}

export const formatFingerprint = (f: Fingerprint): string =>
  `c${f.changeSeq}-h${f.headStateId}${f.selection ? `-s${f.selection}` : ''}`;

export function parseFingerprint(value: string): Fingerprint | null {
  const match = /^c(\d{1,15})-h(\d{1,15})(?:-s([0-9a-f]{16}))?$/.exec(value);
  if (!match) return null;
  const pair = { changeSeq: Number(match[1]), headStateId: Number(match[2]) };
  return match[3] ? { ...pair, selection: match[3] } : pair;
}

/** Equal pairs of manifests and the same selection (or none on both sides). */
export const sameFingerprint = (a: Fingerprint, b: Fingerprint): boolean =>
  a.changeSeq === b.changeSeq && a.headStateId === b.headStateId && (a.selection ?? null) === (b.selection ?? null);

/** The pair a fingerprint names, without its selection: what the whole-site preview of that moment had. */
export const pairOf = ({ changeSeq, headStateId }: Fingerprint): Fingerprint => ({ changeSeq, headStateId });

/** What a site's two environment rows say now: their fingerprint, and the versions it stands for. */
export function fingerprintOf(environments: readonly EnvironmentRow[]): {
  fingerprint: Fingerprint;
  stagingVersion: number;
  productionVersion: number;
} {
  const staging = environments.find((e) => e.name === 'staging')!;
  const production = environments.find((e) => e.name === 'production')!;
  return {
    fingerprint: { changeSeq: staging.changeSeq, headStateId: production.headStateId! },
    stagingVersion: staging.version,
    productionVersion: production.version,
  };
}
