import { useEffect, useState } from 'react';

// The console lives under /console/ (vite's base); the server answers every path there with index.html.
export const BASE = '/console/';

export type Section = 'overview' | 'promote' | 'content' | 'snapshots' | 'staging' | 'review' | 'settings';
export type Route = { name: 'sites' } | { name: 'site'; slug: string; section: Section };

const SECTIONS: readonly Section[] = ['overview', 'promote', 'content', 'snapshots', 'staging', 'review', 'settings'];

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const [first, slug, section] = rest.split('/').map((part) => decodeURIComponent(part));
  if (first === 'sites' && slug)
    return { name: 'site', slug, section: SECTIONS.includes(section as Section) ? (section as Section) : 'overview' };
  return { name: 'sites' };
}

export function hrefOf(route: Route): string {
  if (route.name === 'sites') return BASE;
  const tail = route.section === 'overview' ? '' : `/${route.section}`;
  return `${BASE}sites/${encodeURIComponent(route.slug)}${tail}`;
}

export function navigate(route: Route): void {
  const href = hrefOf(route);
  if (href !== window.location.pathname) window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
