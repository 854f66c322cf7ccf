import { useState } from 'react';
import { actorName, describeCounts } from '../format';
import { canEdit, isOwner, type SiteContext } from '../site-context';
import type { Preview } from '../types';
import { ErrorMessage, Loading, useLoad } from './ui';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = (): string[] => (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [browserZone]);

/** "2026-03-01 09:30 (Europe/Paris)": a scheduled time as the zone it was written in reads it. */
function inZone(iso: string, timeZone: string | null | undefined): string {
  const zone = timeZone ?? browserZone;
  const text = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(iso),
  );
  return `${text} (${zone})`;
}

/**
 * Scheduling the reviewed state for later (a date-time picker and its time zone), and the site's scheduled
 * promotion with Cancel (owners). What goes live then is the state pinned now, not staging as it will be.
 */
export function SchedulePanel({
  ctx,
  preview,
  snapshot,
  acknowledgeChecks,
}: {
  ctx: SiteContext;
  preview: Preview;
  snapshot: boolean;
  /** Error launch check codes the editor acknowledged above. */
  acknowledgeChecks: string[];
}) {
  const { api, site } = ctx;
  const scheduled = useLoad(() => api.promotions(site.slug, 5, 'scheduled'), [api, site.slug]);
  const [runAt, setRunAt] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const schedule = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.promote(site.slug, {
        fingerprint: preview.fingerprint,
        snapshot,
        runAt,
        timeZone,
        ...(acknowledgeChecks.length ? { acknowledgeChecks } : {}),
      });
      setRunAt('');
      scheduled.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (id: string) => {
    setError(undefined);
    try {
      await api.cancelJob(id);
      scheduled.reload();
    } catch (e) {
      setError(e);
    }
  };

  const items = scheduled.data?.items ?? [];
  return (
    <section className="card schedule" aria-labelledby="schedule-title">
      <h3 id="schedule-title">Scheduled promotions</h3>
      <ErrorMessage error={scheduled.error} title="Cannot read the scheduled promotions." />
      {scheduled.loading && !scheduled.data && <Loading what="scheduled promotions" />}
      {scheduled.data && items.length === 0 && <p className="muted">Nothing is scheduled.</p>}
      {items.length > 0 && (
        <ul className="compact" aria-label="Scheduled promotions">
          {items.map((p) => (
            <li key={p.id} data-testid="scheduled-promotion">
              <strong>{inZone(p.runAt!, p.timeZone)}</strong>: {p.summary ? describeCounts(p.summary) : 'changes'},
              scheduled by {actorName(p.createdBy, ctx.actors)}.{' '}
              {isOwner(ctx) && (
                <button type="button" className="button secondary small" onClick={() => cancel(p.id)}>
                  Cancel
                  <span className="visually-hidden"> the promotion scheduled for {inZone(p.runAt!, p.timeZone)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit(ctx) && items.length === 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void schedule();
          }}
        >
          <p className="hint">
            Schedule exactly this diff for later: it is fixed now, so edits made to staging meanwhile do not go live.
          </p>
          <div className="field">
            <label htmlFor="schedule-at">Promote at</label>
            <input
              id="schedule-at"
              type="datetime-local"
              required
              value={runAt}
              onChange={(e) => setRunAt(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="schedule-zone">Time zone</label>
            <input
              id="schedule-zone"
              list="time-zones"
              required
              maxLength={64}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
            <datalist id="time-zones">
              {zones().map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <button type="submit" className="button secondary" disabled={busy || !runAt}>
            {busy ? 'Scheduling…' : 'Schedule promotion'}
          </button>
        </form>
      )}
      <ErrorMessage error={error} title="The schedule was not changed." />
    </section>
  );
}
