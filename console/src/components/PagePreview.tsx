import { useEffect, useState } from 'react';
import type { Api } from '../api';
import type { Env } from '../types';

const MAX_INLINED_IMAGES = 12;

/**
 * One environment's own rendering of a page, in a fully sandboxed iframe (no script, opaque origin).
 * Why fetch + srcdoc rather than a review link in `src`: a frame cannot send the Bearer token staging needs,
 * and a review link per look would be a new audited link in the client-review list for something internal
 * (reviewers may not even create one). So the console fetches the HTML with its token, one way for every role;
 * the sandbox keeps the page's analytics and popups from running, and staging's images, which need the token
 * too, are inlined as data: URLs. Production's are public and load as they are.
 */
export function PagePreview({ api, slug, env, path }: { api: Api; slug: string; env: Env; path: string | null }) {
  const [state, setState] = useState<{ html?: string; status?: number; error?: string }>({});
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({});
    (async () => {
      const { status, html } = await api.renderedPage(slug, env, path, controller.signal);
      const shown = env === 'staging' ? await inlineStagingImages(api, slug, html, controller.signal) : html;
      if (!controller.signal.aborted) setState({ status, html: shown });
    })().catch((error: Error) => !controller.signal.aborted && setState({ error: error.message }));
    return () => controller.abort();
  }, [api, slug, env, path]);

  const name = env === 'production' ? 'Production' : 'Staging';
  return (
    <figure className={`page-preview preview-${env}`}>
      <figcaption>
        <strong>{name}</strong> <code>{path ?? '—'}</code>
        {state.status !== undefined && state.status !== 200 && (
          <span className="badge status-failed"> answered {state.status}</span>
        )}
      </figcaption>
      {!path ? (
        <p className="preview-empty">Not on the {env === 'production' ? 'production site' : 'staging site'}.</p>
      ) : state.error ? (
        <p className="preview-empty">Cannot load the page: {state.error}</p>
      ) : state.html === undefined ? (
        <p className="preview-empty" role="status">
          Rendering…
        </p>
      ) : (
        <iframe title={`${name} rendering of ${path}`} sandbox="" srcDoc={state.html} loading="lazy" />
      )}
    </figure>
  );
}

async function inlineStagingImages(api: Api, slug: string, html: string, signal: AbortSignal): Promise<string> {
  const prefix = `/preview/${encodeURIComponent(slug)}/media/`;
  const pattern = new RegExp(`src="(${escapeRegExp(prefix)}[^"]*)"`, 'g');
  const urls = [...new Set([...html.matchAll(pattern)].map((m) => m[1]))].slice(0, MAX_INLINED_IMAGES);
  const inlined = new Map<string, string>();
  await Promise.all(
    urls.map(async (src) => {
      const data = await api.mediaDataUrl(src.replace(/&amp;/g, '&'), signal).catch(() => null);
      if (data) inlined.set(src, data);
    }),
  );
  return html.replace(pattern, (whole, src: string) => (inlined.has(src) ? `src="${inlined.get(src)}"` : whole));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
