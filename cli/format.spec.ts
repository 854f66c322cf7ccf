import { changedFields, jobLine, previewText, sitesText, statusText, table } from './format';
import type { Job, Preview, Site } from './types';

const job = (over: Partial<Job> = {}): Job => ({
  id: 'j1',
  kind: 'promotion',
  status: 'running',
  step: 'buildState',
  progress: 40,
  fromVersion: 3,
  toVersion: null,
  snapshotId: null,
  timings: null,
  error: null,
  ...over,
});

const site: Site = {
  id: 's1',
  slug: 'acme',
  name: 'Acme',
  environments: {
    staging: { version: 9, resetAt: null },
    production: { version: 7, stateId: 12, maintenance: null },
  },
};

describe('CLI formatting', () => {
  it('aligns columns and keeps every cell on one line', () => {
    expect(table(['A', 'LONGER'], [['xyz', 'b\nc']])).toBe('A    LONGER\nxyz  b c');
  });

  it('shows the diff entity by entity with the fields a change touches', () => {
    const preview: Preview = {
      fingerprint: 'fp',
      staging: { version: 9 },
      production: { version: 7, stateId: 12 },
      summary: { added: 1, changed: 1, removed: 0, unchanged: 4, byType: {} },
      changes: [
        {
          type: 'page',
          key: 'home',
          op: 'changed',
          delta: { title: ['A', 'B'], blocks: { _t: 'a' } },
          staging: { version: 5 },
          production: { version: 3 },
        },
        { type: 'popup', key: 'sale', op: 'added', staging: { version: 1 }, production: { version: null } },
      ],
      nextCursor: null,
      checks: [
        {
          code: 'url_removed_without_redirect',
          severity: 'error',
          type: 'page',
          key: 'about',
          message: 'Production serves /about; the candidate does not.',
          fix: { type: 'redirect', key: 'about', data: { from: '/about', to: '/', status: 301 } },
        },
        { code: 'sitemap_changed', severity: 'info', type: 'sitemap', key: 'sitemap.xml', message: '1 URL removed' },
      ],
      checkSummary: { error: 1, warning: 0, info: 2 },
    };
    expect(previewText(preview).split('\n')).toEqual([
      'production v7 ← staging v9: 1 added, 1 changed, 0 removed, 4 unchanged',
      'fingerprint fp',
      '',
      'launch checks: 1 error, 0 warnings, 2 info',
      'error    url_removed_without_redirect  page/about  Production serves /about; the candidate does not.  (fix: 301 /about → /; POST …/promotion/checks/fix)',
      'info     sitemap_changed  sitemap/sitemap.xml  1 URL removed',
      '… and 1 more (see the console)',
      '',
      'TYPE   KEY   CHANGE   PRODUCTION  STAGING  FIELDS',
      'page   home  changed  v3          v5       title, blocks',
      'popup  sale  added    —           v1',
    ]);
  });

  it('says so when there is nothing to promote', () => {
    const empty: Preview = {
      fingerprint: 'fp',
      staging: { version: 0 },
      production: { version: 2, stateId: 1 },
      summary: { added: 0, changed: 0, removed: 0, unchanged: 3, byType: {} },
      changes: [],
      nextCursor: null,
      checks: [],
      checkSummary: { error: 0, warning: 0, info: 0 },
    };
    expect(previewText(empty)).toMatch(/Nothing to promote/);
  });

  it('names a delta that replaces the whole body', () => {
    expect(changedFields({ type: 'robots_txt', key: 'main', op: 'changed', delta: ['a', 'b'] })).toBe('(whole body)');
  });

  it('describes a job running, succeeded and failed', () => {
    expect(jobLine(job())).toBe('promotion j1 running: buildState (40%)');
    expect(
      jobLine(job({ status: 'succeeded', progress: 100, toVersion: 4, timings: { totalMs: 812, maintenanceMs: 31 } })),
    ).toBe('promotion j1 succeeded: production v3 → v4 in 812 ms (maintenance 31 ms)');
    expect(jobLine(job({ status: 'failed', error: { code: 'stale_preview', message: 'Moved.' } }))).toBe(
      'promotion j1 failed: stale_preview — Moved.',
    );
  });

  it('lists sites with their versions and maintenance', () => {
    const down = {
      ...site,
      environments: {
        ...site.environments,
        production: {
          ...site.environments.production,
          maintenance: { reason: 'swap', holder: 'j1', until: '2030-01-01T00:00:00.000Z' },
        },
      },
    };
    expect(sitesText([site, { ...down, slug: 'beta' }]).split('\n')).toEqual([
      'SLUG  NAME  STAGING  PRODUCTION  MAINTENANCE',
      'acme  Acme  v9       v7          no',
      'beta  Acme  v9       v7          until 2030-01-01T00:00:00.000Z (swap)',
    ]);
  });

  it('gives the status of a site with its open and last jobs', () => {
    const text = statusText(site, [job()], job({ id: 'j0', status: 'succeeded', fromVersion: 6, toVersion: 7 }));
    expect(text.split('\n')).toEqual([
      'acme (Acme)',
      'staging      v9',
      'production   v7, state 12',
      'maintenance  no',
      'jobs         promotion j1 running: buildState (40%)',
      'last         promotion j0 succeeded: production v6 → v7',
    ]);
    expect(statusText(site, [], undefined)).toMatch(/none running or scheduled/);
  });
});
