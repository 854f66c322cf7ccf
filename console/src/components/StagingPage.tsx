import { useState } from 'react';
import { when } from '../format';
import { isOwner, type SiteContext } from '../site-context';
import type { StagingBackup } from '../types';
import { JobProgress } from './JobProgress';
import { ConfirmDialog, ErrorMessage, Loading, useLoad } from './ui';

const REASON_TEXT = { reset: 'before a reset', backup_restore: 'before a backup was restored' } as const;

/** Staging reset from production (owners, with a typed confirmation) and the staging backups resets keep. */
export function StagingPage({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const owner = isOwner(ctx);
  const backups = useLoad(() => api.listBackups(site.slug), [api, site.slug]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>();
  const [job, setJob] = useState<{ id: string; title: string } | null>(null);
  const [restoring, setRestoring] = useState<StagingBackup | null>(null);
  const { staging, production } = site.environments;

  const start = async (title: string, call: () => Promise<{ id: string }>) => {
    setError(undefined);
    try {
      const started = await call();
      setJob({ id: started.id, title });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="staging-title">
      <h2 id="staging-title">Staging</h2>
      {owner && (
        <form
          className="card danger-zone"
          aria-labelledby="reset-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed !== site.slug) return;
            setTyped('');
            void start('Resetting staging from production', () => api.resetStaging(site.slug, site.slug));
          }}
        >
          <h3 id="reset-title">Reset staging from production</h3>
          <p id="reset-what">
            Staging (now version {staging.version}) is overwritten with a copy of production (version{' '}
            {production.version}
            ): every staging entity, including unpublished drafts and anything not yet promoted, is replaced, and
            staging and its entities start again at version 0. Production does not change. The current staging is kept
            as a backup, listed below, which an owner can restore.
          </p>
          <div className="field">
            <label htmlFor="reset-confirm">
              Type the site’s slug <code>{site.slug}</code> to confirm
            </label>
            <input
              id="reset-confirm"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTyped(e.target.value)}
              aria-describedby="reset-what"
            />
          </div>
          <button type="submit" className="button danger" disabled={typed !== site.slug}>
            Reset staging
          </button>
        </form>
      )}
      <ErrorMessage error={error} />
      {job && (
        <JobProgress
          key={job.id}
          api={api}
          jobId={job.id}
          title={job.title}
          describeSuccess={() => 'Staging now matches production; the previous staging is kept as a backup.'}
          onEnd={() => {
            void ctx.reloadSite();
            backups.reload();
          }}
        />
      )}

      <h3>Staging backups</h3>
      <p className="muted">
        The staging content that resets (and backup restores) overwrote, kept whole: drafts and published.
      </p>
      <ErrorMessage error={backups.error} title="Cannot list the backups." />
      {backups.loading && !backups.data && <Loading what="backups" />}
      {backups.data && backups.data.items.length === 0 && <p>No backup yet: staging was never reset.</p>}
      {backups.data && backups.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Staging backups, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Kept</th>
                <th scope="col">Why</th>
                <th scope="col">Staging version</th>
                <th scope="col">Entities</th>
                {owner && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {backups.data.items.map((b) => (
                <tr key={b.id}>
                  <td>{when(b.createdAt)}</td>
                  <td>{REASON_TEXT[b.reason] ?? b.reason}</td>
                  <td>v{b.stagingVersion}</td>
                  <td>{b.entityCount.toLocaleString()}</td>
                  {owner && (
                    <td>
                      <button type="button" className="button secondary small" onClick={() => setRestoring(b)}>
                        Restore<span className="visually-hidden"> the backup of {when(b.createdAt)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={restoring !== null}
        title="Restore this staging backup?"
        confirmLabel="Restore into staging"
        danger
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const backup = restoring!;
          setRestoring(null);
          void start('Restoring a staging backup', () => api.restoreBackup(site.slug, backup.id));
        }}
      >
        <p>
          Staging (now version {staging.version}) is replaced by the backup kept {when(restoring?.createdAt)} (staging
          version {restoring?.stagingVersion}, {restoring?.entityCount} entities). The staging it replaces is kept as a
          backup in turn. Production does not change.
        </p>
      </ConfirmDialog>
    </section>
  );
}
