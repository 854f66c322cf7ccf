import type { Delta } from 'jsondiffpatch';
import { format as formatDeltaHtml } from 'jsondiffpatch/formatters/html';
import { useId, useState } from 'react';
import type { Api } from '../api';
import { describeCounts, typeLabel } from '../format';
import { type Change, CONTENT_TYPES, type ContentType, type Counts, isPublishable, type Preview } from '../types';
import { PagePreview } from './PagePreview';
import { ErrorMessage, Loading, useLoad } from './ui';

/** What a change row needs beyond the change itself: who may adopt, and what to do after an adopt. */
interface DriftActions {
  /** Whether the caller may write staging ("Keep production's version"). */
  canAdopt: boolean;
  /** Staging took production's version of an entity: the diff is another one now. */
  onAdopted: (message: string) => void;
}

/** Ticking changes and whole types for a selective promotion (absent: the diff is read-only). */
export interface DiffSelection {
  hasType(type: ContentType): boolean;
  hasEntity(type: ContentType, key: string): boolean;
  toggleType(type: ContentType): void;
  toggleEntity(type: ContentType, key: string): void;
}

// One page of changes at a time, fetched from the API's cursor pagination: a diff of 10,000 entities never
// has more than this many rows in the DOM per open group.
const PAGE_SIZE = 25;

const OP_TEXT = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;

/** The diff, grouped by type with counts; a group opens to its changes, a page of them at a time. */
export function DiffView(
  props: {
    api: Api;
    slug: string;
    preview: Preview;
    /** A page fetched for a group came with another fingerprint: staging or production changed meanwhile. */
    onChangedMeanwhile: (fresh: Preview) => void;
    selection?: DiffSelection;
  } & DriftActions,
) {
  const byType = props.preview.summary.byType;
  const types = CONTENT_TYPES.filter((t) => {
    const c = byType[t];
    return c && c.added + c.changed + c.removed > 0;
  });
  if (types.length === 0) return null;
  return (
    <ul className="diff-groups" aria-label="Changes by type">
      {types.map((type) => (
        <DiffGroup key={`${props.preview.fingerprint}:${type}`} type={type} counts={byType[type]!} {...props} />
      ))}
    </ul>
  );
}

function DiffGroup(
  props: {
    api: Api;
    slug: string;
    type: ContentType;
    counts: Counts;
    preview: Preview;
    onChangedMeanwhile: (fresh: Preview) => void;
    selection?: DiffSelection;
  } & DriftActions,
) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const total = props.counts.added + props.counts.changed + props.counts.removed;
  const { selection } = props;
  return (
    <li className="diff-group card" data-type={props.type}>
      <h3 className={selection ? 'selectable' : undefined}>
        {selection && (
          <input
            type="checkbox"
            checked={selection.hasType(props.type)}
            onChange={() => selection.toggleType(props.type)}
            aria-label={`Select every ${typeLabel(props.type)} change`}
          />
        )}
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <Chevron />
          <span className="type-name">{typeLabel(props.type)}</span>{' '}
          <span className="counts">
            {total.toLocaleString()} {total === 1 ? 'change' : 'changes'}: {describeCounts(props.counts)}
          </span>
          {(props.counts.drift ?? 0) > 0 && (
            <span className="badge drift"> {props.counts.drift!.toLocaleString()} changed in production</span>
          )}
        </button>
      </h3>
      <div id={panelId} hidden={!open}>
        {open && <ChangeList {...props} total={total} />}
      </div>
    </li>
  );
}

function ChangeList(
  props: {
    api: Api;
    slug: string;
    type: ContentType;
    total: number;
    preview: Preview;
    onChangedMeanwhile: (fresh: Preview) => void;
    selection?: DiffSelection;
  } & DriftActions,
) {
  const { api, slug, type, preview, onChangedMeanwhile } = props;
  // Cursors of the pages seen so far: "previous" goes back without the API needing a backwards cursor.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(async () => {
    const fresh = await api.preview(slug, { type, cursor, limit: PAGE_SIZE });
    if (fresh.fingerprint !== preview.fingerprint) onChangedMeanwhile(fresh);
    return fresh;
  }, [api, slug, type, cursor]);
  const first = (cursors.length - 1) * PAGE_SIZE + 1;

  if (page.error) return <ErrorMessage error={page.error} title={`Cannot load the ${typeLabel(type)} changes.`} />;
  if (!page.data) return <Loading what="changes" />;
  const shown = page.data.changes.length;
  return (
    <div className="change-list">
      <ul>
        {page.data.changes.map((change) => (
          <ChangeRow
            key={`${change.type}/${change.key}`}
            api={api}
            slug={slug}
            change={change}
            canAdopt={props.canAdopt}
            onAdopted={props.onAdopted}
            selection={props.selection}
          />
        ))}
      </ul>
      {(cursors.length > 1 || page.data.nextCursor) && (
        <nav className="pager" aria-label={`${typeLabel(type)} changes pages`}>
          <button
            type="button"
            className="button secondary small"
            disabled={cursors.length === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous
          </button>
          <span role="status">
            {first.toLocaleString()}–{(first + shown - 1).toLocaleString()} of {props.total.toLocaleString()}
          </span>
          <button
            type="button"
            className="button secondary small"
            disabled={!page.data.nextCursor}
            onClick={() => setCursors([...cursors, page.data!.nextCursor!])}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

function ChangeRow({
  api,
  slug,
  change,
  selection,
  ...drift
}: { api: Api; slug: string; change: Change; selection?: DiffSelection } & DriftActions) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const type = change.type as ContentType;
  const byType = selection?.hasType(type) ?? false;
  return (
    <li className={`change op-${change.op}${selection ? ' selectable' : ''}`}>
      {selection && (
        <input
          type="checkbox"
          checked={byType || selection.hasEntity(type, change.key)}
          disabled={byType}
          onChange={() => selection.toggleEntity(type, change.key)}
          aria-label={`Select ${typeLabel(type)} ${change.key}`}
          title={byType ? `Every ${typeLabel(type)} change is selected` : undefined}
        />
      )}
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <Chevron />
        <span className={`badge op-${change.op}`}>{OP_TEXT[change.op]}</span> <span className="key">{change.key}</span>
        {change.drift && (
          <>
            {' '}
            <span className="badge drift">Changed in production</span>
          </>
        )}
        <span className="muted small-text">
          {' '}
          production {change.production.version === null ? '—' : `v${change.production.version}`} → staging{' '}
          {change.staging.version === null ? '—' : `v${change.staging.version}`}
        </span>
      </button>
      <div id={panelId} hidden={!open}>
        {open && <ChangeDetail api={api} slug={slug} change={change} {...drift} />}
      </div>
    </li>
  );
}

const Chevron = () => (
  <span className="chevron" aria-hidden="true">
    ▸
  </span>
);

const pathOf = (body: unknown): string | null => {
  const path = (body as { path?: unknown } | null | undefined)?.path;
  return typeof path === 'string' && path.startsWith('/') ? path : null;
};

/** A change as a readable delta (jsondiffpatch's HTML over production's body) and, for pages, both renderings. */
function ChangeDetail({ api, slug, change, ...drift }: { api: Api; slug: string; change: Change } & DriftActions) {
  const bodies = useLoad(async () => {
    // Production's body is the delta's left side; staging's published body gives a page's staging path.
    const production =
      change.op === 'added' ? null : await api.findContent(slug, 'production', change.type, change.key);
    const staging =
      change.op !== 'removed' && isPublishable(change.type)
        ? await api.findContent(slug, 'staging', change.type, change.key)
        : null;
    return { production: production?.data, staging: staging ? (staging.published ?? null) : change.data };
  }, [api, slug, change]);

  if (bodies.error) return <ErrorMessage error={bodies.error} title="Cannot load this change." />;
  if (!bodies.data) return <Loading what="the change" />;
  const { production, staging } = bodies.data;
  return (
    <div className="change-detail">
      {change.drift && <DriftDetail api={api} slug={slug} change={change} {...drift} />}
      {change.op === 'changed' ? (
        <div
          className="delta"
          // The formatter escapes every key and value it prints (jsondiffpatch's htmlEscape).
          dangerouslySetInnerHTML={{ __html: formatDeltaHtml(change.delta as Delta, production) ?? '' }}
        />
      ) : (
        <div className={`whole-body op-${change.op}`}>
          <p className="small-text">
            {change.op === 'added' ? 'New in production, as staging has it:' : 'Removed from production; it was:'}
          </p>
          <pre>{JSON.stringify(change.data, null, 2)}</pre>
        </div>
      )}
      {isPublishable(change.type) && (
        <div className="side-by-side" aria-label="Production and staging renderings, side by side" role="group">
          <PagePreview
            api={api}
            slug={slug}
            env="production"
            path={change.op === 'added' ? null : pathOf(production)}
          />
          <PagePreview api={api} slug={slug} env="staging" path={change.op === 'removed' ? null : pathOf(staging)} />
        </div>
      )}
    </div>
  );
}

const PRODUCTION_OP_TEXT = {
  added: 'Production added this entity since staging was last in step with it:',
  changed: 'Production changed this entity since staging was last in step with it (a hot-fix or a restore):',
  removed: 'Production removed this entity since staging was last in step with it; it was:',
} as const;

/** Production's own change (from staging's base to production's head), and the way to keep it. */
function DriftDetail({
  api,
  slug,
  change,
  canAdopt,
  onAdopted,
}: { api: Api; slug: string; change: Change } & DriftActions) {
  const [adopting, setAdopting] = useState(false);
  const [error, setError] = useState<unknown>();
  const own = change.productionChange;
  const adopt = async () => {
    setAdopting(true);
    setError(undefined);
    try {
      const result = await api.adopt(slug, change.type, change.key);
      onAdopted(
        result.op === 'removed'
          ? `Staging no longer has ${typeLabel(change.type)} “${change.key}”, like production.`
          : `Staging now has production’s version of ${typeLabel(change.type)} “${change.key}”.`,
      );
    } catch (e) {
      setError(e);
      setAdopting(false);
    }
  };
  return (
    <div className="drift-detail notice notice-warning" data-testid="drift-detail">
      <p>
        <strong>Promoting overwrites a change made in production.</strong> {own ? PRODUCTION_OP_TEXT[own.op] : null}
      </p>
      {own?.op === 'changed' ? (
        <div
          className="delta"
          // The formatter escapes every key and value it prints (jsondiffpatch's htmlEscape).
          dangerouslySetInnerHTML={{ __html: formatDeltaHtml(own.delta as Delta) ?? '' }}
        />
      ) : own ? (
        <pre>{JSON.stringify(own.data, null, 2)}</pre>
      ) : null}
      {canAdopt && (
        <p>
          <button type="button" className="button secondary small" disabled={adopting} onClick={adopt}>
            {adopting ? 'Keeping…' : 'Keep production’s version'}
          </button>{' '}
          <span className="hint">Staging takes production’s version of this entity (its draft too).</span>
        </p>
      )}
      <ErrorMessage error={error} title="Staging did not take production’s version." />
    </div>
  );
}
