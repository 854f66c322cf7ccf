import { useState } from 'react';
import { actorName, when } from '../format';
import { isOwner, type SiteContext } from '../site-context';
import type { Snapshot } from '../types';
import { JobProgress } from './JobProgress';
import { RevertEntityForm } from './RevertEntityForm';
import { ConfirmDialog, ErrorMessage, Link, Loading, useLoad } from './ui';

type Action = 'restore' | 'rehearse' | 'delete';

const DIALOG: Record<Action, { title: string; confirmLabel: string }> = {
  restore: { title: 'Restore this snapshot?', confirmLabel: 'Restore to production' },
  rehearse: { title: 'Rehearse this restore on staging?', confirmLabel: 'Rehearse on staging' },
  delete: { title: 'Delete this snapshot?', confirmLabel: 'Delete snapshot' },
};

/** Production's snapshots: everyone may list them; owners take, restore, rehearse (on staging) and delete them. */
export function SnapshotsPage({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const owner = isOwner(ctx);
  const snapshots = useLoad(() => api.listSnapshots(site.slug), [api, site.slug]);
  const [more, setMore] = useState<Snapshot[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ action: Action; snapshot: Snapshot } | null>(null);
  const [typed, setTyped] = useState('');
  const [restoreJob, setRestoreJob] = useState<{ id: string; snapshot: Snapshot; rehearsal: boolean } | null>(null);

  const reload = () => {
    setMore([]);
    setCursor(undefined);
    snapshots.reload();
  };
  const items = [...(snapshots.data?.items ?? []), ...more];
  const nextCursor = cursor === undefined ? snapshots.data?.nextCursor : cursor;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots of production</h2>
      <p className="muted">
        A snapshot pins production’s content as it is. Restoring one makes production’s content the snapshot’s again, as
        a new version; visitor data (form submissions, analytics, sessions, domains) is never touched.
      </p>

      {owner && (
        <form
          className="inline-form card"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              await api.createSnapshot(site.slug, label.trim());
              setLabel('');
              reload();
            });
          }}
        >
          <div className="field">
            <label htmlFor="snapshot-label">Label</label>
            <input
              id="snapshot-label"
              value={label}
              required
              maxLength={200}
              placeholder="e.g. before the spring campaign"
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <button type="submit" className="button primary" disabled={busy || !label.trim()}>
            Take a snapshot of production v{site.environments.production.version}
          </button>
        </form>
      )}
      <ErrorMessage error={error} />

      {restoreJob && (
        <JobProgress
          key={restoreJob.id}
          api={api}
          jobId={restoreJob.id}
          title={
            restoreJob.rehearsal
              ? `Rehearsing “${restoreJob.snapshot.label}” on staging`
              : `Restoring “${restoreJob.snapshot.label}”`
          }
          describeSuccess={(job) =>
            restoreJob.rehearsal
              ? 'Staging now has the snapshot’s content, at version 0; the previous staging is kept as a backup.'
              : `Production is now version ${job.toVersion ?? '?'}, with the snapshot’s content.`
          }
          onEnd={() => void ctx.reloadSite()}
        />
      )}
      {restoreJob?.rehearsal && (
        <p>
          <Link to={{ name: 'site', slug: site.slug, section: 'promote' }}>See what restoring it would change</Link>{' '}
          (staging against production) or{' '}
          <Link to={{ name: 'site', slug: site.slug, section: 'staging' }}>put the previous staging back</Link>.
        </p>
      )}

      <ErrorMessage error={snapshots.error} title="Cannot list the snapshots." />
      {snapshots.loading && !snapshots.data && <Loading what="snapshots" />}
      {snapshots.data && items.length === 0 && <p>No snapshot yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="snapshots">
            <caption className="visually-hidden">Snapshots, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Production version</th>
                <th scope="col">Entities</th>
                <th scope="col">Taken</th>
                <th scope="col">By</th>
                {owner && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.label}
                    {s.origin === 'promotion' && <span className="muted small-text"> (taken before a promotion)</span>}
                  </td>
                  <td>v{s.productionVersion}</td>
                  <td>{s.entityCount.toLocaleString()}</td>
                  <td>{when(s.createdAt)}</td>
                  <td>{actorName(s.createdBy, ctx.actors)}</td>
                  {owner && (
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={busy}
                        onClick={() => setConfirm({ action: 'restore', snapshot: s })}
                      >
                        Restore<span className="visually-hidden"> “{s.label}”</span>
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={busy}
                        onClick={() => {
                          setTyped('');
                          setConfirm({ action: 'rehearse', snapshot: s });
                        }}
                      >
                        Rehearse on staging<span className="visually-hidden"> “{s.label}”</span>
                      </button>
                      <button
                        type="button"
                        className="button danger-outline small"
                        disabled={busy}
                        onClick={() => setConfirm({ action: 'delete', snapshot: s })}
                      >
                        Delete<span className="visually-hidden"> “{s.label}”</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            void act(async () => {
              const page = await api.listSnapshots(site.slug, nextCursor);
              setMore([...more, ...page.items]);
              setCursor(page.nextCursor);
            })
          }
        >
          Show older snapshots
        </button>
      )}

      {owner && items.length > 0 && (
        <RevertEntityForm api={api} slug={site.slug} snapshots={items} onEnd={() => void ctx.reloadSite()} />
      )}

      <ConfirmDialog
        open={confirm !== null}
        title={DIALOG[confirm?.action ?? 'restore'].title}
        confirmLabel={DIALOG[confirm?.action ?? 'restore'].confirmLabel}
        confirmDisabled={confirm?.action === 'rehearse' && typed !== site.slug}
        danger
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const chosen = confirm!;
          setConfirm(null);
          void act(async () => {
            if (chosen.action === 'restore') {
              const job = await api.restoreSnapshot(site.slug, chosen.snapshot.id);
              setRestoreJob({ id: job.id, snapshot: chosen.snapshot, rehearsal: false });
            } else if (chosen.action === 'rehearse') {
              const job = await api.resetStaging(site.slug, typed, chosen.snapshot.id);
              setRestoreJob({ id: job.id, snapshot: chosen.snapshot, rehearsal: true });
            } else {
              await api.deleteSnapshot(site.slug, chosen.snapshot.id);
              reload();
            }
          });
        }}
      >
        {confirm?.action === 'restore' ? (
          <p>
            Production’s content (now version {site.environments.production.version}) becomes the content of “
            {confirm.snapshot.label}” (taken at production version {confirm.snapshot.productionVersion}), as production
            version {site.environments.production.version + 1}. Visitors see the maintenance page only during the swap.
          </p>
        ) : confirm?.action === 'rehearse' ? (
          <>
            <p>
              Staging (now version {site.environments.staging.version}) is overwritten with the content of “
              {confirm.snapshot.label}” (production version {confirm.snapshot.productionVersion}), at version 0, so you
              can look at the rolled-back site through a review link and see what restoring it would change. Production
              does not change. The current staging, drafts included, is kept as a backup.
            </p>
            <div className="field">
              <label htmlFor="rehearse-confirm">
                Type the site’s slug <code>{site.slug}</code> to confirm
              </label>
              <input
                id="rehearse-confirm"
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
          </>
        ) : (
          <p>
            “{confirm?.snapshot.label}” (production version {confirm?.snapshot.productionVersion}) will be deleted; you
            cannot restore it afterwards.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
