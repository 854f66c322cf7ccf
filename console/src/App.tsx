import { useEffect, useMemo, useRef, useState } from 'react';
import { Api } from './api';
import { ContentBrowser } from './components/ContentBrowser';
import { PromotePage } from './components/PromotePage';
import { ReviewLinksPage } from './components/ReviewLinksPage';
import { SettingsPage } from './components/SettingsPage';
import { SignIn } from './components/SignIn';
import { SiteOverview } from './components/SiteOverview';
import { SitesList } from './components/SitesList';
import { SnapshotsPage } from './components/SnapshotsPage';
import { StagingPage } from './components/StagingPage';
import { ErrorMessage, Link, Loading, useLoad } from './components/ui';
import type { SiteContext } from './site-context';
import { navigate, type Route, type Section, useRoute } from './router';
import type { Role } from './types';

// sessionStorage: the token lives as long as this tab, is never written to disk by us and never sent elsewhere.
const TOKEN_KEY = 'promote.token';

export function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const api = useMemo(() => (token ? new Api(token) : null), [token]);
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After navigating, focus goes to the new page's content so keyboard and screen reader users start there.
  const routeKey = JSON.stringify(route);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [routeKey]);

  const signIn = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value);
    setToken(value);
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    navigate({ name: 'sites' });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <Link to={{ name: 'sites' }} className="brand">
          Promote
        </Link>
        {api && (
          <button type="button" className="button secondary small" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {!api ? (
          <SignIn onSignIn={signIn} />
        ) : route.name === 'sites' ? (
          <SitesList api={api} />
        ) : (
          <SiteShell key={route.slug} api={api} slug={route.slug} section={route.section} />
        )}
      </main>
    </>
  );
}

const SECTIONS: { section: Section; label: string; roles: readonly Role[] }[] = [
  { section: 'overview', label: 'Overview', roles: ['owner', 'editor', 'reviewer'] },
  { section: 'promote', label: 'Migration', roles: ['owner', 'editor', 'reviewer'] },
  { section: 'content', label: 'Content', roles: ['owner', 'editor', 'reviewer'] },
  { section: 'snapshots', label: 'Snapshots', roles: ['owner', 'editor', 'reviewer'] },
  { section: 'staging', label: 'Staging', roles: ['owner', 'editor'] },
  { section: 'review', label: 'Client review', roles: ['owner', 'editor'] },
  { section: 'settings', label: 'Settings', roles: ['owner', 'editor'] },
];

/** One site: its name, the caller's role on it (which shapes every page), and the section navigation. */
function SiteShell({ api, slug, section }: { api: Api; slug: string; section: Section }) {
  const loaded = useLoad(async () => {
    const [site, me] = await Promise.all([api.getSite(slug), api.me()]);
    // The platform admin may do everything on every site, as an owner may on theirs.
    const role: Role = me.role === 'admin' ? 'owner' : me.role;
    // Owners may read the token list, which turns "token:<id>" in histories into its label.
    const tokens = role === 'owner' ? (await api.listTokens(slug)).items : [];
    return { site, role, actors: new Map(tokens.map((t) => [t.id, `${t.label || 'unlabelled'} (${t.role})`])) };
  }, [api, slug]);
  if (loaded.error) return <ErrorMessage error={loaded.error} title={`Cannot open the site “${slug}”.`} />;
  if (!loaded.data) return <Loading what="the site" />;
  const { site, role, actors } = loaded.data;
  const ctx: SiteContext = {
    api,
    site,
    role,
    actors,
    reloadSite: async () => loaded.set({ ...loaded.data!, site: await api.getSite(slug) }),
  };
  const visible = SECTIONS.filter((s) => s.roles.includes(role));
  const current = visible.some((s) => s.section === section) ? section : 'overview';
  const to = (s: Section): Route => ({ name: 'site', slug, section: s });
  return (
    <div className="site">
      <div className="site-heading">
        <p className="breadcrumb">
          <Link to={{ name: 'sites' }}>Sites</Link> / <span>{site.slug}</span>
        </p>
        <h1>{site.name}</h1>
        <p className="role">
          You are signed in as <strong className={`badge role-${role}`}>{role}</strong>
          {role === 'reviewer' && ' — you can read staging and the diff; changes are made by editors.'}
        </p>
      </div>
      <nav aria-label="Site sections" className="tabs">
        <ul>
          {visible.map((s) => (
            <li key={s.section}>
              <Link to={to(s.section)} aria-current={s.section === current ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'overview' && <SiteOverview ctx={ctx} />}
      {current === 'promote' && <PromotePage ctx={ctx} />}
      {current === 'content' && <ContentBrowser ctx={ctx} />}
      {current === 'snapshots' && <SnapshotsPage ctx={ctx} />}
      {current === 'staging' && <StagingPage ctx={ctx} />}
      {current === 'review' && <ReviewLinksPage ctx={ctx} />}
      {current === 'settings' && <SettingsPage ctx={ctx} />}
    </div>
  );
}
