import { useState } from 'react';
import { ApiError } from '../api';
import { actorName, plural, when } from '../format';
import type { SiteContext } from '../site-context';
import type { Approval, Preview } from '../types';
import { ErrorMessage, Loading, useLoad } from './ui';

/** Who approved, in words: a token's label and role, the admin, or the name a client typed on a review link. */
function approverName(approval: Approval, ctx: SiteContext): string {
  const { approver } = approval;
  if (approver.kind === 'admin') return 'platform admin';
  if (approver.kind === 'review_link')
    return `${approver.name} (client, review link${approver.label ? ` “${approver.label}”` : ''})`;
  const known = approver.tokenId ? ctx.actors.get(approver.tokenId) : undefined;
  return known ?? `${approver.label || actorName(`token:${approver.tokenId ?? ''}`, ctx.actors)} (${approver.role})`;
}

/**
 * The approvals of the version on screen: how many the site requires, who approved which version, which
 * approvals are stale (staging or production moved since), and "Approve this version" for the diff shown.
 */
export function ApprovalsPanel({ ctx, preview, reloadKey }: { ctx: SiteContext; preview: Preview; reloadKey: number }) {
  const { api, site } = ctx;
  const list = useLoad(() => api.approvals(site.slug), [api, site.slug, preview.fingerprint, reloadKey]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (list.error) return <ErrorMessage error={list.error} title="Cannot read the approvals." />;
  if (!list.data) return <Loading what="approvals" />;
  const { requiredApprovals, items } = list.data;
  const current = items.filter((a) => a.fingerprint === preview.fingerprint);

  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.approve(site.slug, {
        fingerprint: preview.fingerprint,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setComment('');
      list.set(await api.approvals(site.slug));
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'stale_preview'
          ? new Error(
              'Staging or production changed since this diff was loaded. Refresh the diff, review it, then approve.',
            )
          : e,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card approvals" aria-labelledby="approvals-title">
      <h3 id="approvals-title">Approvals</h3>
      <p data-testid="approval-state">
        {requiredApprovals === 0
          ? 'This site does not require approvals before a promotion.'
          : `A promotion needs ${plural(requiredApprovals, 'approval')} of this version by someone other than whoever promotes it.`}{' '}
        This version (staging v{preview.staging.version}, production v{preview.production.version}) has{' '}
        <strong>{plural(current.length, 'approval')}</strong>.
      </p>
      {items.length > 0 && (
        <ul className="approval-list">
          {items.map((a) => (
            <li key={a.id}>
              <strong>{approverName(a, ctx)}</strong> approved staging v{a.staging.version} (production v
              {a.production.version}) {when(a.createdAt)}{' '}
              {a.fingerprint === preview.fingerprint ? (
                <span className="badge status-succeeded">current</span>
              ) : (
                <span className="badge status-failed">
                  stale: staging is now v{preview.staging.version}, production v{preview.production.version}
                </span>
              )}
              {a.comment && <q className="small-text"> {a.comment}</q>}
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <div className="field">
          <label htmlFor="approval-comment">Comment (optional)</label>
          <input id="approval-comment" value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
        </div>
        <button type="button" className="button secondary" disabled={busy} onClick={approve}>
          {busy ? 'Approving…' : `Approve this version (staging v${preview.staging.version})`}
        </button>
      </div>
      <ErrorMessage error={error} title="Not approved." />
    </section>
  );
}
