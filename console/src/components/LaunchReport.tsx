import { useState } from 'react';
import type { Api } from '../api';
import { plural } from '../format';
import type { LaunchCheck, Preview } from '../types';
import { ErrorMessage } from './ui';

const GROUPS: { severity: LaunchCheck['severity']; title: string; hint: string; className: string }[] = [
  {
    severity: 'error',
    title: 'Errors',
    hint: 'These block the promotion: fix them, or acknowledge them below before promoting.',
    className: 'notice-error',
  },
  { severity: 'warning', title: 'Warnings', hint: 'Worth a look; they do not block.', className: 'notice-warning' },
  { severity: 'info', title: 'Information', hint: '', className: 'notice-info' },
];

/** The error checks' distinct codes: what acknowledging them sends as acknowledgeChecks. */
export const errorCodes = (preview: Preview): string[] => [
  ...new Set(preview.checks.filter((c) => c.severity === 'error').map((c) => c.code)),
];

/**
 * The launch report above the diff, grouped by severity: what promoting would break for visitors and search
 * engines. A check with a fix (a 301 from a URL that would go) has a button that writes it into staging.
 */
export function LaunchReport({
  api,
  slug,
  preview,
  canFix,
  onFixed,
}: {
  api: Api;
  slug: string;
  preview: Preview;
  canFix: boolean;
  onFixed: (message: string) => Promise<void>;
}) {
  const [fixing, setFixing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const { checks, checkSummary } = preview;

  const fix = async (check: LaunchCheck) => {
    const id = checkId(check);
    setFixing(id);
    setError(undefined);
    try {
      const { entity } = await api.fixCheck(slug, { code: check.code, type: check.type, key: check.key });
      const data = entity.data as { from?: string; to?: string };
      await onFixed(`Added a redirect from ${data.from ?? '?'} to ${data.to ?? '?'} in staging.`);
    } catch (e) {
      setError(e);
      await onFixed(''); // the report may have moved on (409 check_not_found): show the current one
    } finally {
      setFixing(null);
    }
  };

  return (
    <section className="launch-report" aria-labelledby="launch-report-title" data-testid="launch-report">
      <h3 id="launch-report-title" className="section-title">
        Launch checks
      </h3>
      {checks.length === 0 ? (
        <p className="notice notice-success">No launch problems found: links, redirects, SEO and consent look fine.</p>
      ) : (
        <p className="summary">
          {plural(checkSummary.error, 'error')}, {plural(checkSummary.warning, 'warning')},{' '}
          {checkSummary.info.toLocaleString()} for information
          {checks.length < checkSummary.error + checkSummary.warning + checkSummary.info
            ? ' (the first 500 shown)'
            : ''}
          .
        </p>
      )}
      <ErrorMessage error={error} title="The fix was not applied." />
      {GROUPS.map((group) => {
        const items = checks.filter((c) => c.severity === group.severity);
        if (!items.length) return null;
        return (
          <div key={group.severity} className={`notice ${group.className}`} data-testid={`checks-${group.severity}`}>
            <h4>
              {group.title} ({items.length})
            </h4>
            {group.hint && <p className="hint">{group.hint}</p>}
            <ul className="compact checks">
              {items.map((check) => (
                <li key={checkId(check)}>
                  <span className="badge">{check.code.replace(/_/g, ' ')}</span> {check.message}
                  {check.fix && canFix && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={fixing !== null}
                        onClick={() => fix(check)}
                      >
                        {fixing === checkId(check)
                          ? 'Adding…'
                          : `Add a 301 from ${check.fix.data.from} to ${check.fix.data.to}`}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

const checkId = (c: LaunchCheck) => `${c.code}/${c.type}/${c.key}`;
