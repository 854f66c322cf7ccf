import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { actorName, describeCounts, plural, typeLabel, when } from '../format';
import { canEdit, isOwner, type SiteContext } from '../site-context';
import { CONTENT_TYPES, type ContentType, isOpen, type Job, type Preview, type Selection } from '../types';
import { ApprovalsPanel } from './ApprovalsPanel';
import { type DiffSelection, DiffView } from './DiffView';
import { SelectionPanel } from './SelectionPanel';
import { VisualDiffPanel } from './VisualDiffPanel';
import { JobProgress } from './JobProgress';
import { errorCodes, LaunchReport } from './LaunchReport';
import { SchedulePanel } from './SchedulePanel';
import { ConfirmDialog, ErrorMessage, Loading, useLoad } from './ui';

interface FollowedJob {
  id: string;
  /** Someone else's job (found running, or named by a 409): shown, never started again. */
  byOther: boolean;
  startedBy?: string | null;
  startedAt?: string;
  kind?: string;
}

/**
 * Site → Migration → Promote to Production: the diff first, then the options and a confirmation that names
 * what changes, then the job's live progress. A stale preview is explained and replaced by the fresh diff.
 */
export function PromotePage({ ctx }: { ctx: SiteContext }) {
  const { api, site } = ctx;
  const loaded = useLoad(async () => {
    const [preview, snapshots, history] = await Promise.all([
      api.preview(site.slug, { limit: 1 }),
      api.listSnapshots(site.slug),
      api.promotions(site.slug, 5),
    ]);
    return { preview, latestSnapshot: snapshots.items[0] ?? null, running: history.items.find(isOpen) ?? null };
  }, [api, site.slug]);

  const [preview, setPreview] = useState<Preview | null>(null);
  const [staleNotice, setStaleNotice] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [override, setOverride] = useState('');
  const [approvalsKey, setApprovalsKey] = useState(0);
  const [acknowledged, setAcknowledged] = useState(false);
  const [checksAcknowledged, setChecksAcknowledged] = useState(false);
  const [adoptNotice, setAdoptNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [job, setJob] = useState<FollowedJob | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // A selective promotion: the ticked entities ("type:key") and types, and the preview of promoting only them.
  const [picked, setPicked] = useState<Selection>({ entities: [], types: [] });
  const [selective, setSelective] = useState<{ preview?: Preview; error?: unknown; loading: boolean }>({
    loading: false,
  });
  const selecting = picked.entities.length + picked.types.length > 0;

  useEffect(() => {
    if (!selecting) return setSelective({ loading: false });
    let current = true;
    setSelective((s) => ({ ...s, loading: true, error: undefined }));
    api.previewSelection(site.slug, picked, { limit: 1 }).then(
      (fresh) => current && setSelective({ preview: fresh, loading: false }),
      (e) => current && setSelective({ error: e, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [api, site.slug, picked, selecting, preview?.fingerprint]);

  useEffect(() => {
    if (!loaded.data) return;
    setPreview(loaded.data.preview);
    const running = loaded.data.running;
    if (running)
      setJob({
        id: running.id,
        byOther: true,
        startedBy: running.createdBy,
        startedAt: running.createdAt,
        kind: 'promotion',
      });
  }, [loaded.data]);

  if (loaded.error) return <ErrorMessage error={loaded.error} title="Cannot load the diff." />;
  if (!loaded.data || !preview) return <Loading what="the diff" />;

  // On by default when production has no snapshot to go back to.
  const takeSnapshot = snapshot ?? loaded.data.latestSnapshot === null;
  const { summary } = preview;
  const changeCount = summary.added + summary.changed + summary.removed;
  // What the Promote button ships: the selection's preview while changes are ticked, else the whole one.
  const shipped = selecting ? (selective.preview ?? null) : preview;
  const drift = shipped?.summary.drift ?? 0;
  const failing = shipped ? errorCodes(shipped) : [];
  const selectionInfo = selecting ? shipped?.selection : undefined;
  const blockedSelection = selecting && (!shipped || selective.loading || (selectionInfo?.dangling.length ?? 0) > 0);

  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const diffSelection: DiffSelection = {
    hasType: (type) => picked.types.includes(type),
    hasEntity: (type, key) => picked.entities.some((e) => e.type === type && e.key === key),
    toggleType: (type: ContentType) =>
      setPicked((p) => ({ entities: p.entities.filter((e) => e.type !== type), types: toggle(p.types, type) })),
    toggleEntity: (type, key) =>
      setPicked((p) => ({
        ...p,
        entities: p.entities.some((e) => e.type === type && e.key === key)
          ? p.entities.filter((e) => !(e.type === type && e.key === key))
          : [...p.entities, { type, key }],
      })),
  };
  const promoteLabel = selectionInfo
    ? `Promote ${selectionInfo.selected} selected${selectionInfo.needed ? ` + ${selectionInfo.needed} needed` : ''}`
    : 'Promote to Production';
  const jobRunning = job !== null && finished === null;

  const refreshed = (fresh: Preview, why: string) => {
    setPreview(fresh);
    setStaleNotice(why);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  const startPromotion = async () => {
    if (!shipped) return;
    setConfirming(false);
    setStarting(true);
    setError(undefined);
    setStaleNotice(null);
    try {
      const started = await api.promote(site.slug, {
        fingerprint: shipped.fingerprint,
        ...(selecting ? { select: picked } : {}),
        snapshot: takeSnapshot,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(override.trim() ? { override: override.trim() } : {}),
        ...(drift > 0 ? { acknowledgeDrift: acknowledged } : {}),
        ...(failing.length && checksAcknowledged ? { acknowledgeChecks: failing } : {}),
      });
      setFinished(null);
      setJob({ id: started.id, byOther: false });
    } catch (e) {
      const details = e instanceof ApiError ? (e.details[0] as Record<string, unknown> | undefined) : undefined;
      if (e instanceof ApiError && e.code === 'stale_preview' && details?.preview) {
        const fresh = details.preview as Preview;
        if (selecting) setSelective({ preview: fresh, loading: false });
        refreshed(
          selecting ? await api.preview(site.slug, { limit: 1 }) : fresh,
          `Staging or production changed after you opened this diff (staging is now version ${fresh.staging.version}, production version ${fresh.production.version}), so nothing was promoted. The diff below is the fresh one: review it, then promote again.`,
        );
      } else if (e instanceof ApiError && e.code === 'production_drift') {
        setAcknowledged(false);
        refreshed(
          await api.preview(site.slug, { limit: 1 }),
          'Production changed entities that this promotion would overwrite, so nothing was promoted. They are marked “Changed in production” below: keep production’s version, or confirm that you overwrite them.',
        );
      } else if (e instanceof ApiError && e.code === 'launch_checks_failed') {
        setChecksAcknowledged(false);
        refreshed(
          await api.preview(site.slug, { limit: 1 }),
          'Launch checks found errors that were not acknowledged, so nothing was promoted. They are listed under “Launch checks”: fix them, or acknowledge them and promote again.',
        );
      } else if (e instanceof ApiError && e.code === 'promotion_in_progress' && typeof details?.jobId === 'string') {
        setFinished(null);
        setJob({ id: details.jobId, byOther: true, kind: String(details.kind ?? 'promotion') });
      } else {
        if (e instanceof ApiError && e.code === 'approval_required') setApprovalsKey((k) => k + 1);
        setError(e);
      }
    } finally {
      setStarting(false);
    }
  };

  const onJobEnd = async (ended: Job) => {
    setFinished(ended);
    await ctx.reloadSite();
    if (ended.status === 'succeeded') setPicked({ entities: [], types: [] });
    if (ended.status === 'succeeded' || ended.status === 'rolled_back' || job?.byOther)
      setPreview(await api.preview(site.slug, { limit: 1 }));
  };

  const byType = CONTENT_TYPES.flatMap((t) => {
    const c = (shipped ?? preview).summary.byType[t];
    return c && c.added + c.changed + c.removed > 0 ? [`${typeLabel(t)}: ${describeCounts(c)}`] : [];
  });

  return (
    <section aria-labelledby="promote-title">
      <h2 id="promote-title">Promote to Production</h2>
      <p className="summary">
        Staging <strong>v{preview.staging.version}</strong> against production{' '}
        <strong>v{preview.production.version}</strong>:{' '}
        {changeCount === 0 ? 'no changes' : `${plural(changeCount, 'change')} (${describeCounts(summary)})`},{' '}
        {summary.unchanged.toLocaleString()} unchanged.{' '}
        <button
          type="button"
          className="button secondary small"
          onClick={async () => {
            setStaleNotice(null);
            setPreview(await api.preview(site.slug, { limit: 1 }));
          }}
        >
          Refresh the diff
        </button>
      </p>

      {drift > 0 && (
        <div className="notice notice-warning" role="status" data-testid="drift-notice">
          <strong>Production changed {plural(drift, 'entity', 'entities')}</strong> since staging was last in step with
          it (a hot-fix or a restore). Promoting overwrites {drift === 1 ? 'that change' : 'those changes'}: open the
          changes marked “Changed in production” to see them, and keep production’s version where it should stay.
        </div>
      )}
      {adoptNotice && (
        <p className="notice notice-success" role="status">
          {adoptNotice}
        </p>
      )}

      {staleNotice && (
        <div className="notice notice-warning" role="alert" tabIndex={-1} ref={noticeRef} data-testid="stale-notice">
          <strong>The diff was out of date.</strong> {staleNotice}
        </div>
      )}

      {job && (
        <>
          {job.byOther && (
            <p className="notice notice-info" role="status">
              {job.kind && job.kind !== 'promotion'
                ? `A ${job.kind.replace(/_/g, ' ')} of this site is running, so a promotion cannot start now.`
                : `A promotion${job.startedBy ? ` started by ${actorName(job.startedBy, ctx.actors)}` : ' started by someone else'}${job.startedAt ? ` ${when(job.startedAt)}` : ''} is under way: here is its progress. It was not started again.`}
            </p>
          )}
          <JobProgress
            key={job.id}
            api={api}
            jobId={job.id}
            title={
              job.kind && job.kind !== 'promotion'
                ? `Running ${job.kind.replace(/_/g, ' ')}`
                : 'Promotion to production'
            }
            describeSuccess={(j) =>
              j.kind === 'promotion' || j.kind === 'restore'
                ? `Production is now version ${j.toVersion ?? '?'}.`
                : `The ${j.kind.replace(/_/g, ' ')} finished.`
            }
            onEnd={onJobEnd}
          />
          {finished?.status === 'succeeded' && finished.kind === 'promotion' && (
            <p>
              <a href={`/sites/${encodeURIComponent(site.slug)}/`} target="_blank" rel="noreferrer">
                Open the production site<span className="visually-hidden"> (new tab)</span>
              </a>
            </p>
          )}
        </>
      )}

      <ApprovalsPanel ctx={ctx} preview={shipped ?? preview} reloadKey={approvalsKey} />

      <LaunchReport
        api={api}
        slug={site.slug}
        preview={shipped ?? preview}
        canFix={canEdit(ctx) && !jobRunning}
        onFixed={async (message) => {
          if (message) setAdoptNotice(message);
          setPreview(await api.preview(site.slug, { limit: 1 }));
        }}
      />

      <h3 className="section-title">What will change in production</h3>
      {changeCount === 0 ? (
        <p className="notice notice-info">
          Nothing to promote: production already has everything staging has published.
        </p>
      ) : (
        <DiffView
          api={api}
          slug={site.slug}
          preview={preview}
          canAdopt={canEdit(ctx) && !jobRunning}
          selection={canEdit(ctx) && !jobRunning ? diffSelection : undefined}
          onAdopted={async (message) => {
            setAdoptNotice(message);
            setPreview(await api.preview(site.slug, { limit: 1 }));
          }}
          onChangedMeanwhile={(fresh) =>
            refreshed(
              fresh,
              'Staging or production changed while you were reviewing. The diff below was refreshed; open the groups again to review it.',
            )
          }
        />
      )}

      {canEdit(ctx) && changeCount > 0 && !jobRunning && !selecting && (
        <p className="hint">Tick changes or whole types to promote only those, with what they need.</p>
      )}
      {selecting && !jobRunning && (
        <SelectionPanel selective={selective} onClear={() => setPicked({ entities: [], types: [] })} />
      )}

      {changeCount > 0 && (
        <>
          <h3 className="section-title">How the changed pages look</h3>
          {shipped ? (
            <VisualDiffPanel
              api={api}
              slug={site.slug}
              fingerprint={shipped.fingerprint}
              select={
                shipped.selection ? { entities: shipped.selection.entities, types: shipped.selection.types } : undefined
              }
            />
          ) : (
            <p className="muted">Previewing the selection…</p>
          )}
        </>
      )}

      {canEdit(ctx) && changeCount > 0 && !jobRunning && (
        <form
          className="card promote-form"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
        >
          <fieldset>
            <legend>Promotion options</legend>
            <div className="check">
              <input
                id="take-snapshot"
                type="checkbox"
                checked={takeSnapshot}
                onChange={(e) => setSnapshot(e.target.checked)}
                aria-describedby="snapshot-hint"
              />
              <label htmlFor="take-snapshot">Take a production snapshot first</label>
            </div>
            <p id="snapshot-hint" className="hint">
              {loaded.data.latestSnapshot
                ? `The latest snapshot is “${loaded.data.latestSnapshot.label}” (production v${loaded.data.latestSnapshot.productionVersion}, ${when(loaded.data.latestSnapshot.createdAt)}).`
                : 'Production has no snapshot yet: take one so an owner can roll back to today’s site.'}
            </p>
            <div className="field">
              <label htmlFor="promotion-note">Note (optional)</label>
              <input id="promotion-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            </div>
            {isOwner(ctx) && site.freezeWindows.length > 0 && (
              <div className="field">
                <label htmlFor="freeze-override">Override a freeze window: reason (owners only, audited)</label>
                <input
                  id="freeze-override"
                  value={override}
                  maxLength={500}
                  onChange={(e) => setOverride(e.target.value)}
                  aria-describedby="freeze-hint"
                />
                <p id="freeze-hint" className="hint">
                  Leave empty unless a freeze window is in force and this promotion cannot wait.
                </p>
              </div>
            )}
            {drift > 0 && (
              <div className="check">
                <input
                  id="acknowledge-drift"
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(e) => setAcknowledged(e.target.checked)}
                />
                <label htmlFor="acknowledge-drift">
                  I understand, overwrite production’s changes ({plural(drift, 'entity', 'entities')})
                </label>
              </div>
            )}
            {failing.length > 0 && (
              <div className="check">
                <input
                  id="acknowledge-checks"
                  type="checkbox"
                  checked={checksAcknowledged}
                  onChange={(e) => setChecksAcknowledged(e.target.checked)}
                />
                <label htmlFor="acknowledge-checks">
                  I understand, promote despite {plural((shipped ?? preview).checkSummary.error, 'launch check error')}{' '}
                  ({failing.map((code) => code.replace(/_/g, ' ')).join(', ')})
                </label>
              </div>
            )}
          </fieldset>
          <ErrorMessage error={error} title="The promotion did not start." />
          <button
            type="submit"
            className="button primary big"
            disabled={
              starting ||
              blockedSelection ||
              (drift > 0 && !acknowledged) ||
              (failing.length > 0 && !checksAcknowledged)
            }
          >
            {starting ? 'Starting…' : promoteLabel}
          </button>
        </form>
      )}

      {changeCount > 0 && !jobRunning && !selecting && (
        <SchedulePanel
          ctx={ctx}
          preview={preview}
          snapshot={takeSnapshot}
          acknowledgeChecks={checksAcknowledged ? failing : []}
        />
      )}

      <ConfirmDialog
        open={confirming}
        title="Promote to Production?"
        confirmLabel={selectionInfo ? promoteLabel : `Promote ${plural(changeCount, 'change')}`}
        onConfirm={startPromotion}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Production (now version {preview.production.version}) will get{' '}
          {selectionInfo ? 'the selected changes of' : 'what'} staging version {preview.staging.version}{' '}
          {selectionInfo ? 'and what they need' : 'has published'}:{' '}
          <strong>{describeCounts((shipped ?? preview).summary)}</strong>.
        </p>
        <ul className="compact">
          {byType.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          {takeSnapshot
            ? `A snapshot of production version ${preview.production.version} is taken first.`
            : 'No snapshot is taken first.'}{' '}
          Visitors see the maintenance page only during the final swap, which takes milliseconds.
        </p>
        {drift > 0 && (
          <p>
            <strong>This overwrites what production changed in {plural(drift, 'entity', 'entities')}.</strong>
          </p>
        )}
        {failing.length > 0 && (
          <p>
            <strong>It goes ahead despite {plural(preview.checkSummary.error, 'launch check error')}</strong> (recorded
            with your name).
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
