import { actorName, describeCounts, duration, when } from '../format';
import { canEdit, isOwner, type SiteContext } from '../site-context';
import { isOpen } from '../types';
import { ReleaseSettings } from './ReleaseSettings';
import { ErrorMessage, Link, Loading, useLoad } from './ui';

/** Staging and production side by side, the maintenance state, and the last promotions. */
export function SiteOverview({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const history = useLoad(() => api.promotions(site.slug, 10), [api, site.slug]);
  const { staging, production } = site.environments;
  const running = history.data?.items.find(isOpen);
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

      <h3>Last promotions</h3>
      <ErrorMessage error={history.error} title="Cannot read the promotion history." />
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
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{when(p.createdAt)}</td>
                  <td>{actorName(p.createdBy, ctx.actors)}</td>
                  <td>
                    <span className={`badge status-${p.status}`}>{p.status}</span>
                    {p.status === 'failed' && p.error && <span className="small-text"> {p.error.message}</span>}
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
