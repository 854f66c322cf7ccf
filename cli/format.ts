import { checkLines } from './launch-checks';
import type { Job, Preview, PreviewChange, Site, Snapshot } from './types';

/** Left-aligned columns two spaces apart, with a header row; cells are single-line text. */
export function table(header: string[], rows: string[][]): string {
  const clean = (cell: string) => cell.replace(/[\r\n\t]+/g, ' ');
  const all = [header, ...rows].map((row) => row.map(clean));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const version = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `v${v}`);

/** The top-level fields a change touches, read from jsondiffpatch's delta (`_t` marks an array delta). */
export function changedFields(change: PreviewChange): string {
  if (change.op !== 'changed') return '';
  const delta = change.delta;
  if (!delta || typeof delta !== 'object' || Array.isArray(delta)) return '(whole body)';
  return Object.keys(delta)
    .filter((key) => key !== '_t')
    .join(', ');
}

export function previewText(preview: Preview): string {
  const { summary } = preview;
  const head =
    `production v${preview.production.version} ← staging v${preview.staging.version}: ` +
    `${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged\n` +
    `fingerprint ${preview.fingerprint}`;
  if (!preview.changes.length) return `${head}\nNothing to promote: production already has staging's content.`;
  const report = checksText(preview);
  const rows = preview.changes.map((c) => [
    c.type,
    c.key,
    c.op,
    version(c.production?.version),
    version(c.staging?.version),
    c.includedBecause
      ? `${changedFields(c)} (needed by ${c.includedBecause.type}/${c.includedBecause.key})`
      : changedFields(c),
  ]);
  return `${head}\n\n${report}\n\n${table(['TYPE', 'KEY', 'CHANGE', 'PRODUCTION', 'STAGING', 'FIELDS'], rows)}`;
}

/** The launch report: counts by severity, then one line per check (errors first, as the API orders them). */
export function checksText(preview: Pick<Preview, 'checks' | 'checkSummary'>): string {
  const { error, warning, info } = preview.checkSummary;
  const head = `launch checks: ${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`;
  const shown = preview.checks.length;
  const more = error + warning + info - shown;
  return [head, ...checkLines(preview.checks), ...(more > 0 ? [`… and ${more} more (see the console)`] : [])].join(
    '\n',
  );
}

export function maintenanceText(site: Site): string {
  const m = site.environments.production.maintenance;
  if (!m) return 'no';
  return `until ${m.until}${m.reason ? ` (${m.reason})` : ''}`;
}

export function sitesText(sites: Site[]): string {
  if (!sites.length) return 'No sites.';
  const rows = sites.map((s) => [
    s.slug,
    s.name,
    version(s.environments.staging.version),
    version(s.environments.production.version),
    maintenanceText(s),
  ]);
  return table(['SLUG', 'NAME', 'STAGING', 'PRODUCTION', 'MAINTENANCE'], rows);
}

export function statusText(site: Site, openJobs: Job[], last: Job | undefined): string {
  const { staging, production } = site.environments;
  const lines = [
    `${site.slug} (${site.name})`,
    `staging      v${staging.version}${staging.resetAt ? `, reset ${staging.resetAt}` : ''}`,
    `production   v${production.version}${production.stateId !== null ? `, state ${production.stateId}` : ''}`,
    `maintenance  ${maintenanceText(site)}`,
  ];
  if (!openJobs.length) lines.push('jobs         none running or scheduled');
  for (const [i, job] of openJobs.entries()) lines.push(`${i ? '             ' : 'jobs         '}${jobLine(job)}`);
  if (last) lines.push(`last         ${jobLine(last)}`);
  return lines.join('\n');
}

/** `promotion 5f0c… running: buildState (40%)`, or the job's outcome once it has one. */
export function jobLine(job: Job): string {
  if (job.status === 'succeeded') return `${job.kind} ${job.id} succeeded${versions(job)}${timings(job)}`;
  if (job.error) return `${job.kind} ${job.id} ${job.status}: ${job.error.code} — ${job.error.message}`;
  const step = job.step ? `: ${job.step}` : '';
  return `${job.kind} ${job.id} ${job.status}${step} (${job.progress}%)`;
}

function versions(job: Job): string {
  if (job.fromVersion === null || job.toVersion === null) return '';
  const env = job.kind === 'reset' ? 'staging' : 'production';
  return `: ${env} v${job.fromVersion} → v${job.toVersion}`;
}

function timings(job: Job): string {
  const t = job.timings;
  if (t?.totalMs === undefined) return '';
  return ` in ${t.totalMs} ms${t.maintenanceMs !== undefined ? ` (maintenance ${t.maintenanceMs} ms)` : ''}`;
}

export function snapshotText(snapshot: Snapshot): string {
  return `snapshot ${snapshot.id} "${snapshot.label}" of production v${snapshot.productionVersion}`;
}
