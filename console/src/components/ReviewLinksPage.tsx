import { useState } from 'react';
import { actorName, when } from '../format';
import type { SiteContext } from '../site-context';
import { CopyButton, ErrorMessage, Loading, useLoad } from './ui';

const DURATIONS = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '1 week' },
  { hours: 720, label: '30 days' },
  { hours: 1, label: '1 hour' },
];

/** Review links that let clients see the staging site without an account (editors and owners). */
export function ReviewLinksPage({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const links = useLoad(() => api.listReviewLinks(site.slug), [api, site.slug]);
  const [label, setLabel] = useState('');
  const [hours, setHours] = useState(72);
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>();

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">Client review</h2>
      <p className="muted">
        A review link opens the staging site for anyone who has it, until it expires or you revoke it. It is shown once,
        when you create it.
      </p>
      <form
        className="inline-form card"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(undefined);
          try {
            const link = await api.createReviewLink(site.slug, {
              expiresInHours: hours,
              ...(label.trim() ? { label: label.trim() } : {}),
            });
            setCreated({ url: new URL(link.url, window.location.origin).toString(), expiresAt: link.expiresAt });
            setLabel('');
            links.reload();
          } catch (e) {
            setError(e);
          }
        }}
      >
        <div className="field">
          <label htmlFor="link-label">Label</label>
          <input
            id="link-label"
            value={label}
            maxLength={200}
            placeholder="e.g. Client: Acme marketing"
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="link-expiry">Expires after</label>
          <select id="link-expiry" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {DURATIONS.map((d) => (
              <option key={d.hours} value={d.hours}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary">
          Create review link
        </button>
      </form>
      <ErrorMessage error={error} title="The link was not created." />
      {created && (
        <div className="notice notice-success" role="status">
          <p>New review link, valid until {when(created.expiresAt)}. Copy it now: it is not shown again.</p>
          <div className="copy-row">
            <label htmlFor="created-link" className="visually-hidden">
              Review link
            </label>
            <input id="created-link" readOnly value={created.url} onFocus={(e) => e.target.select()} />
            <CopyButton text={created.url} label="Copy link" />
          </div>
        </div>
      )}

      <h3>Links</h3>
      <ErrorMessage error={links.error} title="Cannot list the review links." />
      {links.loading && !links.data && <Loading what="review links" />}
      {links.data && links.data.items.length === 0 && <p>No review link yet.</p>}
      {links.data && links.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Review links</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">Created by</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {links.data.items.map((link) => (
                <tr key={link.id}>
                  <td>{link.label || <span className="muted">unlabelled</span>}</td>
                  <td>
                    <span className={`badge link-${link.status}`}>{link.status}</span>
                  </td>
                  <td>{when(link.expiresAt)}</td>
                  <td>{actorName(link.createdBy, ctx.actors)}</td>
                  <td>
                    {link.status === 'active' && (
                      <button
                        type="button"
                        className="button danger-outline small"
                        onClick={async () => {
                          setError(undefined);
                          try {
                            await api.revokeReviewLink(site.slug, link.id);
                            links.reload();
                          } catch (e) {
                            setError(e);
                          }
                        }}
                      >
                        Revoke<span className="visually-hidden"> {link.label}</span>
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
