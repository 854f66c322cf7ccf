import { referenceKeys } from '../../libs/content-model';
import {
  canonicalJson,
  isContentType,
  isPublishable,
  revisionHash,
  routeOf,
  validateContent,
  validateKey,
  type ContentType,
} from '../../libs/content-model';
import { AppError } from '../platform/errors/app-error';
import type { ImportEntity } from './content-import.dto';
import type { EntryWrite, ExistingEntry } from './content-import.repository';
import type { NewRevision } from './revisions.repository';

// Enough for a client to fix a whole batch in one go without a 1,000-entity import answering megabytes.
const MAX_PROBLEMS = 200;

type Problem = { path: string; message: string };

/** A valid entity of an import, with its body normalized (block ids) and hashed. */
export interface PreparedEntity {
  index: number;
  type: ContentType;
  key: string;
  body: unknown;
  publish: boolean;
  hash: string;
}

/** What an import does to one entity, decided against staging as it is inside the transaction. */
export interface PlannedEntity extends PreparedEntity {
  status: 'created' | 'updated' | 'unchanged';
  promotableChanged: boolean;
  version: number;
  /** The route the entity serves after the import, and before it (undefined: a new entity). */
  route: string | null;
  previousRoute: string | null | undefined;
  /** The published revision when the import leaves it as it was. */
  keptPublishedRevisionId: string | null;
  publishesBody: boolean;
}

/** Validates every entity like a PUT would, and refuses the whole import listing every problem. */
export function prepareImport(entities: ImportEntity[]): PreparedEntity[] {
  const problems: Problem[] = [];
  const prepared: PreparedEntity[] = [];
  const firstIndex = new Map<string, number>();
  entities.forEach((entity, index) => {
    const at = `entities[${index}]`;
    const before = problems.length;
    if (!isContentType(entity.type)) {
      problems.push({ path: `${at}.type`, message: 'is not a content type' });
      return;
    }
    const keyProblem = validateKey(entity.key);
    if (keyProblem) problems.push({ path: `${at}.key`, message: keyProblem });
    const id = `${entity.type}/${entity.key}`;
    const first = firstIndex.get(id);
    if (first !== undefined)
      problems.push({ path: `${at}.key`, message: `repeats entities[${first}]: an import names each entity once` });
    else firstIndex.set(id, index);
    if (entity.publish && !isPublishable(entity.type))
      problems.push({ path: `${at}.publish`, message: `only pages and posts are published; a ${entity.type} is not` });
    const result = validateContent(entity.type, entity.data);
    if (!result.ok) problems.push(...result.errors.map((e) => ({ path: `${at}.${e.path}`, message: e.message })));
    if (problems.length > before || !result.ok) return;
    const hash = revisionHash(entity.type, result.data);
    prepared.push({ index, type: entity.type, key: entity.key, body: result.data, publish: !!entity.publish, hash });
  });
  if (problems.length)
    throw new AppError(
      'validation_failed',
      `The import is not valid: ${problems.length} problem(s)${problems.length > MAX_PROBLEMS ? `, the first ${MAX_PROBLEMS} listed` : ''}; nothing was written.`,
      problems.slice(0, MAX_PROBLEMS),
    );
  return prepared;
}

/** What writing each entity does (followed, when asked, by publish), against staging's entries as they are. */
export function planImport(entities: PreparedEntity[], existing: ExistingEntry[]): PlannedEntity[] {
  const byId = new Map(existing.map((e) => [`${e.type}/${e.key}`, e]));
  return entities.map((entity) => {
    const before = byId.get(`${entity.type}/${entity.key}`);
    const publishable = isPublishable(entity.type);
    const publishesBody = !publishable || entity.publish;
    const publishedHash = publishesBody ? entity.hash : (before?.publishedHash ?? null);
    const promotableChanged = publishedHash !== (before?.publishedHash ?? null);
    const unchanged = before && before.dataHash === entity.hash && !promotableChanged;
    return {
      ...entity,
      status: !before ? 'created' : unchanged ? 'unchanged' : 'updated',
      promotableChanged,
      version: (before?.version ?? 0) + (promotableChanged ? 1 : 0),
      route: publishesBody ? routeOf(entity.type, entity.body) : (before?.route ?? null),
      previousRoute: before ? before.route : undefined,
      keptPublishedRevisionId: before?.publishedRevisionId ?? null,
      publishesBody,
    };
  });
}

export interface RouteConflict {
  route: string;
  path: string;
  conflictsWith?: string;
  takenBy?: { type: string; key: string };
}

/** Every route two entities would share after the write: within it, or with an entity it does not name. */
export function routeConflicts(
  planned: PlannedEntity[],
  holders: { type: string; key: string; route: string }[],
  pathOf: (entity: PlannedEntity) => string,
): RouteConflict[] {
  const conflicts: RouteConflict[] = [];
  const claimedBy = new Map<string, PlannedEntity>();
  for (const entity of planned) {
    if (entity.route === null) continue;
    const other = claimedBy.get(entity.route);
    if (other) conflicts.push({ route: entity.route, path: pathOf(entity), conflictsWith: pathOf(other) });
    else claimedBy.set(entity.route, entity);
  }
  const named = new Set(planned.map((e) => `${e.type}/${e.key}`));
  for (const holder of holders) {
    const claimant = claimedBy.get(holder.route);
    if (claimant && !named.has(`${holder.type}/${holder.key}`))
      conflicts.push({ route: holder.route, path: pathOf(claimant), takenBy: { type: holder.type, key: holder.key } });
  }
  return conflicts;
}

export function newRevisions(planned: PlannedEntity[]): NewRevision[] {
  const byHash = new Map<string, NewRevision>();
  for (const e of planned)
    if (!byHash.has(e.hash))
      byHash.set(e.hash, {
        hash: e.hash,
        type: e.type,
        body: canonicalJson(e.body),
        refs: JSON.stringify(referenceKeys(e.type, e.body)),
      });
  return [...byHash.values()];
}

/**
 * The rows to upsert, and the routes to set afterwards. The unique route index is checked row by row, so an
 * entity taking a route that another entity of the import gives up (a swap) gets it in a second statement.
 */
export function entryWrites(
  changed: PlannedEntity[],
  revisionIds: Map<string, string>,
): { entries: EntryWrite[]; deferredRoutes: { type: string; key: string; route: string }[] } {
  const released = new Set(
    changed.filter((e) => e.previousRoute && e.previousRoute !== e.route).map((e) => e.previousRoute!),
  );
  const deferredRoutes: { type: string; key: string; route: string }[] = [];
  const entries = changed.map((e) => {
    const dataRevisionId = revisionIds.get(e.hash)!;
    const defer = e.route !== null && e.route !== e.previousRoute && released.has(e.route);
    if (defer) deferredRoutes.push({ type: e.type, key: e.key, route: e.route! });
    return {
      type: e.type,
      key: e.key,
      dataRevisionId,
      publishedRevisionId: e.publishesBody ? dataRevisionId : e.keptPublishedRevisionId,
      version: e.version,
      route: defer ? null : e.route,
    };
  });
  return { entries, deferredRoutes };
}
