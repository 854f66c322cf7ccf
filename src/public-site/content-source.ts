import type { MediaEnv } from '../../libs/media-storage';
import type { EnvironmentRow } from '../sites/site.types';

/**
 * Where an environment's visible content is: production's head state (immutable, so anything derived from it
 * can be cached under its id forever), or staging's working manifest read through its published revisions.
 */
export type ContentSource = { kind: 'state'; stateId: number } | { kind: 'staging'; siteId: string };

export function sourceOf(environment: EnvironmentRow): ContentSource {
  return environment.name === 'production'
    ? { kind: 'state', stateId: environment.headStateId! }
    : { kind: 'staging', siteId: environment.siteId };
}

/**
 * The cache scope of what an environment shows now: the head state id, or for staging its change sequence
 * (moved by every promotable change) and version (shown in the preview banner). A swap changes the scope,
 * so nothing is ever purged.
 */
export function cacheScopeOf(environment: EnvironmentRow): string {
  return environment.name === 'production'
    ? stateScope(environment.headStateId!)
    : `staging:${environment.siteId}:${environment.changeSeq}:${environment.version}`;
}

export const stateScope = (stateId: number) => `state:${stateId}`;

/**
 * The bucket a source's media bytes are in: a state's in production's (a promotion copies them before it builds
 * the state, a selection's candidate has them copied before it is rendered), staging's manifest's in staging's.
 */
export const mediaBucketOf = (source: ContentSource): MediaEnv => (source.kind === 'state' ? 'production' : 'staging');
