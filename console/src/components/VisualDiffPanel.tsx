import { useEffect, useState } from 'react';
import type { Api } from '../api';
import type { Selection, VisualDiff, VisualDiffPage } from '../types';
import { ErrorMessage } from './ui';

// How often a pending visual diff is asked again (the workers render a few pages a second at best).
const POLL_MS = 2000;

/**
 * Each changed page before (production) and after (staging, or with a selection the candidate it would put
 * live), most changed first: a slider wipes from one to the other, and the heatmap shows which pixels changed.
 * Opening it asks the workers to render; it polls until done.
 */
export function VisualDiffPanel({
  api,
  slug,
  fingerprint,
  select,
}: {
  api: Api;
  slug: string;
  fingerprint: string;
  select?: Selection;
}) {
  const [diff, setDiff] = useState<VisualDiff | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      try {
        const answer = await api.visualDiff(slug, fingerprint, select);
        if (stopped) return;
        setDiff(answer);
        setError(null);
        if (answer.status === 'pending') timer = setTimeout(load, POLL_MS);
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // A fingerprint names its selection (it carries its hash): a new object of the same selection is no change.
  }, [api, slug, fingerprint]);

  if (error) return <ErrorMessage error={error} title="The visual diff could not be loaded" />;
  if (!diff) return <p className="muted">Asking for the visual diff…</p>;
  if (diff.status === 'unavailable')
    return <p className="notice notice-info">Visual diff unavailable: {diff.reason}</p>;
  if (diff.pages.length === 0) return <p className="muted">No page or post changed.</p>;
  const done = diff.pages.filter((p) => p.status !== 'pending').length;
  return (
    <div className="visual-diff">
      <p className="muted" role="status">
        {diff.status === 'pending' ? `Rendering: ${done} of ${diff.pages.length} pages done…` : 'All pages compared.'}
        {diff.pagesTotal > diff.pages.length && ` Showing ${diff.pages.length} of ${diff.pagesTotal} changed pages.`}
      </p>
      <ul className="visual-diff-pages">
        {diff.pages.map((page) => {
          const id = `${page.type}/${page.key}`;
          return (
            <li key={id}>
              <button
                type="button"
                className="visual-diff-row"
                aria-expanded={open === id}
                onClick={() => setOpen(open === id ? null : id)}
              >
                <code>{page.path}</code> <span className={`badge ${page.op}`}>{page.op}</span>{' '}
                <PageStatus page={page} />
              </button>
              {open === id && <PageComparison api={api} page={page} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function PageStatus({ page }: { page: VisualDiffPage }) {
  if (page.status === 'pending') return <span className="muted">rendering…</span>;
  if (page.status === 'failed') return <span>failed: {page.widths.find((w) => w.reason)?.reason}</span>;
  return <strong>{page.changedPercent === 0 ? 'no visible change' : `${page.changedPercent}% changed`}</strong>;
}

function PageComparison({ api, page }: { api: Api; page: VisualDiffPage }) {
  const [width, setWidth] = useState(page.widths[page.widths.length - 1].width);
  const [heatmap, setHeatmap] = useState(false);
  const [wipe, setWipe] = useState(50);
  const shown = page.widths.find((w) => w.width === width)!;
  const before = useImage(api, shown.images?.before);
  const after = useImage(api, shown.images?.after);
  const map = useImage(api, heatmap ? shown.images?.heatmap : undefined);
  return (
    <div className="visual-diff-compare">
      <div role="group" aria-label="Viewport width">
        {page.widths.map((w) => (
          <button key={w.width} type="button" aria-pressed={w.width === width} onClick={() => setWidth(w.width)}>
            {w.width}px {w.status === 'ready' ? `· ${w.changedPercent}%` : `· ${w.status}`}
          </button>
        ))}
        <label>
          <input type="checkbox" checked={heatmap} onChange={(e) => setHeatmap(e.target.checked)} /> Heatmap
        </label>
      </div>
      {shown.status === 'failed' && <p className="notice notice-error">{shown.reason}</p>}
      {shown.status === 'pending' && <p className="muted">Rendering at {width}px…</p>}
      {shown.status === 'ready' &&
        (heatmap ? (
          map && <img src={map} alt={`Changed pixels of ${page.path} at ${width}px, in red`} />
        ) : (
          <>
            <label className="visual-diff-slider">
              Before ◀ ▶ After
              <input type="range" min={0} max={100} value={wipe} onChange={(e) => setWipe(Number(e.target.value))} />
            </label>
            <div className="visual-diff-stack">
              {after && <img src={after} alt={`${page.path} on staging at ${width}px`} />}
              {before && (
                <img
                  className="visual-diff-before"
                  src={before}
                  alt={`${page.path} in production at ${width}px`}
                  style={{ clipPath: `inset(0 ${100 - wipe}% 0 0)` }}
                />
              )}
            </div>
          </>
        ))}
    </div>
  );
}

/** An authorised image as an object URL, released when it is no longer shown. */
function useImage(api: Api, path: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return setUrl(null);
    const abort = new AbortController();
    let made: string | null = null;
    api.imageUrl(path, abort.signal).then(
      (u) => setUrl((made = u)),
      () => setUrl(null),
    );
    return () => {
      abort.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, path]);
  return url;
}
