import { actorName, describeCounts, duration, when } from '../format';
import { canEdit, isOwner, type SiteContext } from '../site-context';
import { useState } from 'react';
import { isOpen } from '../types';
import { ReleaseSettings } from './ReleaseSettings';
import { SmokeChecksSettings } from './SmokeChecksSettings';
import { ErrorMessage, Link, Loading, useLoad } from './ui';

/** Staging and production side by side, the maintenance state, and the last promotions. */
export function SiteOverview({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const history = useLoad(() => api.promotions(site.slug, 10), [api, site.slug]);
  const { staging, production } = site.environments;
  const running = history.data?.items.find(isOpen);
  const [undo, setUndo] = useState<{ error?: unknown; started?: string }>({});
  // Undo is offered on the latest promotion only: the API refuses it once production moved on anyway.
  const latest = history.data?.items.find((p) => p.status !== 'scheduled');
  const undoLatest = async (id: string) => {
    setUndo({});
    try {
      const job = await api.undoPromotion(site.slug, id);
      setUndo({ started: job.id });
      history.reload();
      await ctx.reloadSite();
    } catch (error) {
      setUndo({ error });
    }
  };
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <div className="env-grid">
        <article className="card env env-staging" aria-labelledby="env-staging">
          <h3 id="env-staging">Staging</h3>
          <p className="version">
            Version <strong>{staging.version}</strong>
          </p>
          <p className="muted">
            {staging.resetAt ? `Last reset from production ${when(staging.resetAt)}` : 'Never reset'}
          </p>
          {canEdit(ctx) && (
            <Link to={{ name: 'site', slug: site.slug, section: 'review' }}>Share staging with a review link</Link>
          )}
        </article>
        <article className="card env env-production" aria-labelledby="env-production">
          <h3 id="env-production">Production</h3>
          <p className="version">
            Version <strong>{production.version}</strong>
          </p>
          {production.maintenance ? (
            <p className="notice notice-warning">
              In maintenance until {when(production.maintenance.until)}
              {production.maintenance.reason ? `: ${production.maintenance.reason}` : ''}
            </p>
          ) : (
            <p className="ok">Serving visitors (no maintenance)</p>
          )}
          <a href={`/sites/${encodeURIComponent(site.slug)}/`} target="_blank" rel="noreferrer">
            Open the production site<span className="visually-hidden"> (new tab)</span>
          </a>
        </article>
      </div>

      {running && (
        <p className="notice notice-info" role="status">
          A promotion started by {actorName(running.createdBy, ctx.actors)} {when(running.createdAt)} is{' '}
          {running.status}. <Link to={{ name: 'site', slug: site.slug, section: 'promote' }}>Follow it</Link>
        </p>
      )}
      {canEdit(ctx) && !running && (
        <p>
          <Link className="button primary" to={{ name: 'site', slug: site.slug, section: 'promote' }}>
            Review changes and promote
          </Link>
        </p>
      )}

      {isOwner(ctx) && <ReleaseSettings ctx={ctx} />}
      {isOwner(ctx) && <SmokeChecksSettings ctx={ctx} />}

      <h3>Last promotions</h3>
      <ErrorMessage error={history.error} title="Cannot read the promotion history." />
      <ErrorMessage error={undo.error} title="The promotion was not undone." />
      {undo.started && (
        <p className="notice notice-info" role="status">
          Undoing: production goes back to the version it had before that promotion.
        </p>
      )}
      {history.loading && !history.data && <Loading what="promotions" />}
      {history.data && history.data.items.length === 0 && <p className="muted">No promotion yet.</p>}
      {history.data && history.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">The last {history.data.items.length} promotions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Result</th>
                <th scope="col">Versions</th>
                <th scope="col">Changes</th>
                <th scope="col">Took</th>
                <th scope="col">Maintenance</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{when(p.createdAt)}</td>
                  <td>{actorName(p.createdBy, ctx.actors)}</td>
                  <td>
                    <span className={`badge status-${p.status}`}>{p.status}</span>
                    {(p.status === 'failed' || p.status === 'rolled_back') && p.error && (
                      <span className="small-text"> {p.error.message}</span>
                    )}
                  </td>
                  <td>
                    {p.fromVersion ?? '—'} → {p.toVersion ?? '—'}
                  </td>
                  <td>
                    {p.summary ? describeCounts(p.summary) : '—'}
                    {p.snapshot && <span className="small-text"> (snapshot first)</span>}
                  </td>
                  <td>{duration(p.timings?.totalMs)}</td>
                  <td>{duration(p.timings?.maintenanceMs)}</td>
                  <td>
                    {canEdit(ctx) && p.id === latest?.id && p.status === 'succeeded' && !running && (
                      <button type="button" className="button secondary small" onClick={() => undoLatest(p.id)}>
                        Undo<span className="visually-hidden"> this promotion</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
