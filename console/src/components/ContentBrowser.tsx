import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api';
import { typeLabel, when } from '../format';
import { canEdit, type SiteContext } from '../site-context';
import { CONTENT_TYPES, type ContentType, type Entity, type Env, isPublishable } from '../types';
import { ConfirmDialog, ErrorMessage, Loading, useLoad } from './ui';

const TEMPLATES: Partial<Record<ContentType, unknown>> = {
  page: { title: 'New page', path: '/new-page', blocks: [{ id: 'h1', type: 'heading', text: 'New page', level: 1 }] },
  post: { title: 'New post', path: '/blog/new-post', blocks: [{ id: 't1', type: 'text', text: 'Hello' }] },
  redirect: { from: '/old', to: '/new', status: 301 },
  form: { title: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] },
  stylesheet: { css: '' },
  robots_txt: { body: 'User-agent: *\nAllow: /' },
};

/** Each type's entities in staging (editable by editors) and production (read-only), a page of 50 at a time. */
export function ContentBrowser({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const [type, setType] = useState<ContentType>('page');
  const [env, setEnv] = useState<Env>('staging');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const cursor = cursors[cursors.length - 1];
  const list = useLoad(() => api.listContent(site.slug, env, type, cursor), [api, site.slug, env, type, cursor]);
  const editable = env === 'staging' && canEdit(ctx);

  const choose = (next: { type?: ContentType; env?: Env }) => {
    if (next.type) setType(next.type);
    if (next.env) setEnv(next.env);
    setCursors([undefined]);
    setSelected(null);
    setCreating(false);
  };

  return (
    <section aria-labelledby="content-title">
      <h2 id="content-title">Content</h2>
      <div className="content-controls">
        <div className="field">
          <label htmlFor="content-type">Type</label>
          <select id="content-type" value={type} onChange={(e) => choose({ type: e.target.value as ContentType })}>
            {CONTENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>Environment</legend>
          {(['staging', 'production'] as const).map((e) => (
            <label key={e}>
              <input
                type="radio"
                name="content-env"
                value={e}
                checked={env === e}
                onChange={() => choose({ env: e })}
              />
              {e === 'staging' ? 'Staging' : 'Production'}
            </label>
          ))}
        </fieldset>
        {editable && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setSelected(null);
              setCreating(true);
            }}
          >
            New {typeLabel(type)}
          </button>
        )}
      </div>
      {env === 'production' && (
        <p className="muted">
          Production is read-only here: it changes only through a promotion or a snapshot restore.
        </p>
      )}

      <div className="content-layout">
        <div className="entity-list">
          <ErrorMessage error={list.error} title="Cannot list the content." />
          {list.loading && !list.data && <Loading what="content" />}
          {list.data && list.data.items.length === 0 && (
            <p className="muted">
              No {typeLabel(type)} in {env}.
            </p>
          )}
          {list.data && list.data.items.length > 0 && (
            <ul aria-label={`${typeLabel(type)} in ${env}`}>
              {list.data.items.map((entity) => (
                <li key={entity.key}>
                  <button
                    type="button"
                    className="entity-button"
                    aria-pressed={selected === entity.key}
                    onClick={() => {
                      setCreating(false);
                      setSelected(entity.key);
                    }}
                  >
                    <span className="key">{entity.key}</span>
                    <span className="muted small-text">
                      v{entity.version}
                      {env === 'staging' && isPublishable(type) && ` · ${publishState(entity)}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {(cursors.length > 1 || list.data?.nextCursor) && (
            <nav className="pager" aria-label="Content pages">
              <button
                type="button"
                className="button secondary small"
                disabled={cursors.length === 1}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                Previous
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={!list.data?.nextCursor}
                onClick={() => setCursors([...cursors, list.data!.nextCursor!])}
              >
                Next
              </button>
            </nav>
          )}
        </div>
        <div className="entity-editor">
          {(selected || creating) && (
            <EntityEditor
              key={`${env}/${type}/${selected ?? '(new)'}`}
              ctx={ctx}
              env={env}
              type={type}
              entityKey={creating ? null : selected}
              editable={editable}
              onChanged={(key) => {
                list.reload();
                setCreating(false);
                setSelected(key);
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}

function publishState(entity: Entity): string {
  if (!entity.publishedRevision) return 'draft, not published';
  return entity.publishedRevision === entity.revision ? 'published' : 'published, draft has changes';
}

/**
 * One entity as JSON. Staging's draft is edited here; the API validates it, and each problem it reports is
 * listed with the field path it names (e.g. data.blocks[0].text).
 */
function EntityEditor(props: {
  ctx: SiteContext;
  env: Env;
  type: ContentType;
  entityKey: string | null;
  editable: boolean;
  onChanged: (key: string | null) => void;
}) {
  const { ctx, env, type, entityKey, editable } = props;
  const { api, site } = ctx;
  const entity = useLoad(
    async () => (entityKey ? api.getContent(site.slug, env, type, entityKey) : null),
    [api, site.slug, env, type, entityKey],
  );
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editorId = useId();
  const errorsId = useId();

  useEffect(() => {
    if (entityKey === null) setText(JSON.stringify(TEMPLATES[type] ?? {}, null, 2));
    else if (entity.data) setText(JSON.stringify(entity.data.data, null, 2));
  }, [entity.data, entityKey, type]);

  if (entity.error) return <ErrorMessage error={entity.error} title="Cannot read this entity." />;
  if (entityKey && !entity.data) return <Loading what="the entity" />;
  const current = entity.data ?? null;

  const run = async (what: string, work: () => Promise<unknown>, after: string | null = entityKey) => {
    setBusy(true);
    setError(undefined);
    setSaved(null);
    try {
      await work();
      setSaved(what);
      entity.reload();
      props.onChanged(after);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      setError(new ApiError(0, 'invalid_json', `This is not valid JSON: ${(e as Error).message}`));
      return;
    }
    const targetKey = entityKey ?? key.trim();
    void run('Saved to staging.', () => api.putContent(site.slug, type, targetKey, data), targetKey);
  };

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <article className="card" aria-label={entityKey ? `${typeLabel(type)} ${entityKey}` : `New ${typeLabel(type)}`}>
      <h3>{entityKey ? `${typeLabel(type)} “${entityKey}”` : `New ${typeLabel(type)} in staging`}</h3>
      {current && (
        <p className="muted small-text">
          {env} version {current.version}
          {current.updatedAt ? `, updated ${when(current.updatedAt)}` : ''}
          {env === 'staging' && isPublishable(type) ? ` · ${publishState(current)}` : ''}
        </p>
      )}
      {entityKey === null && (
        <div className="field">
          <label htmlFor="new-key">Key</label>
          <input
            id="new-key"
            value={key}
            required
            pattern="[a-z0-9][a-z0-9._\-]*"
            maxLength={128}
            onChange={(e) => setKey(e.target.value)}
            aria-describedby="new-key-hint"
          />
          <p id="new-key-hint" className="hint">
            Lowercase letters, digits, dots, dashes and underscores.
          </p>
        </div>
      )}
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <div className="field">
            <label htmlFor={editorId}>{isPublishable(type) ? 'Draft body (JSON)' : 'Body (JSON)'}</label>
            <textarea
              id={editorId}
              className="json-editor"
              value={text}
              spellCheck={false}
              rows={18}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error !== undefined}
              aria-describedby={error !== undefined ? errorsId : undefined}
            />
          </div>
          <div id={errorsId}>
            {fieldErrors.length > 0 ? (
              <div className="notice notice-error" role="alert">
                {error instanceof Error ? error.message : ''}
                <ul className="field-errors">
                  {fieldErrors.map((f, i) => (
                    <li key={i}>
                      <code className="field-path">{f.path}</code> <span>{f.message}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <ErrorMessage error={error} />
            )}
          </div>
          {saved && (
            <p className="notice notice-success" role="status">
              {saved}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy || (entityKey === null && !key.trim())}>
              {isPublishable(type) ? 'Save draft' : 'Save'}
            </button>
            {current && isPublishable(type) && (
              <>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() =>
                    run('Published in staging.', () => api.setPublished(site.slug, type, current.key, true))
                  }
                >
                  Publish
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy || !current.publishedRevision}
                  onClick={() =>
                    run('Unpublished in staging.', () => api.setPublished(site.slug, type, current.key, false))
                  }
                >
                  Unpublish
                </button>
              </>
            )}
            {current && (
              <button
                type="button"
                className="button danger-outline"
                disabled={busy}
                onClick={() => setConfirmDelete(true)}
              >
                Delete
              </button>
            )}
          </div>
          <ConfirmDialog
            open={confirmDelete}
            title={`Delete ${typeLabel(type)} “${entityKey}” from staging?`}
            confirmLabel="Delete from staging"
            danger
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => {
              setConfirmDelete(false);
              void run('Deleted from staging.', () => api.deleteContent(site.slug, type, entityKey!), null);
            }}
          >
            <p>Production keeps it until the next promotion, which then removes it there too.</p>
          </ConfirmDialog>
        </form>
      ) : (
        <>
          <p className="small-text">
            {env === 'production' ? 'Production (read-only)' : 'Staging (read-only for your role)'}
          </p>
          <pre className="json-view" tabIndex={0} aria-label="Body (JSON)">
            {JSON.stringify(current?.data, null, 2)}
          </pre>
          {env === 'staging' &&
            isPublishable(type) &&
            current?.published !== undefined &&
            current.published !== null && (
              <details>
                <summary>Published body</summary>
                <pre className="json-view">{JSON.stringify(current.published, null, 2)}</pre>
              </details>
            )}
        </>
      )}
    </article>
  );
}
