import type { Api } from '../api';
import { ErrorMessage, Link, Loading, useLoad } from './ui';

/** The sites this token may see: all of them for the admin, its own for a site token. */
export function SitesList({ api }: { api: Api }) {
  const sites = useLoad(() => api.listSites(), [api]);
  return (
    <section aria-labelledby="sites-title">
      <h1 id="sites-title">Sites</h1>
      <ErrorMessage error={sites.error} title="Cannot list the sites." />
      {sites.loading && !sites.data && <Loading what="sites" />}
      {sites.data && sites.data.items.length === 0 && <p>No sites yet.</p>}
      {sites.data && sites.data.items.length > 0 && (
        <ul className="site-list">
          {sites.data.items.map((site) => (
            <li key={site.id} className="card">
              <h2>
                <Link to={{ name: 'site', slug: site.slug, section: 'overview' }}>{site.name}</Link>
              </h2>
              <p className="muted">{site.slug}</p>
              <dl className="facts">
                <div>
                  <dt>Staging</dt>
                  <dd>v{site.environments.staging.version}</dd>
                </div>
                <div>
                  <dt>Production</dt>
                  <dd>v{site.environments.production.version}</dd>
                </div>
                <div>
                  <dt>Maintenance</dt>
                  <dd>{site.environments.production.maintenance ? 'in maintenance' : 'serving'}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
