import { Failure, Refusal } from './outcome';
import type { LaunchCheck } from './types';

/** The flag that lets a promotion through error checks, as help and refusals name it. */
export const ACKNOWLEDGE_FLAG = '--acknowledge-checks';

/** `--acknowledge-checks a,b --acknowledge-checks c`: commander's collector for the repeatable, comma-separated flag. */
export function collectCodes(value: string, previous: string[] = []): string[] {
  const codes = value
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  return [...new Set([...previous, ...codes])];
}

/** One check per line: `error  url_removed_without_redirect  page/about  <message>  (fix: 301 /about → /)`. */
export function checkLines(checks: readonly LaunchCheck[]): string[] {
  return checks.map((c) => {
    const fix = c.fix
      ? `  (fix: ${c.fix.data.status} ${c.fix.data.from} → ${c.fix.data.to}; POST …/promotion/checks/fix)`
      : '';
    return `${c.severity.padEnd(7)}  ${c.code}  ${c.type}/${c.key}  ${oneLine(c.message)}${fix}`;
  });
}

/** The flag that acknowledges these error checks: their codes, each once. */
export function acknowledgeHint(checks: readonly LaunchCheck[]): string {
  const codes = [...new Set(checks.filter((c) => c.severity === 'error').map((c) => c.code))];
  return `${ACKNOWLEDGE_FLAG} ${codes.join(',')}`;
}

/**
 * The API's 409 launch_checks_failed with its checks spelled out, one per line, and the flag that promotes
 * over them; the API's error (details included) stays as it came for --json.
 */
export function launchChecksRefusal(refusal: Refusal): Refusal {
  const checks = (refusal.error.details ?? []) as LaunchCheck[];
  const message =
    `${refusal.error.message.replace(/ or promote with acknowledgeChecks.*$/, '')}\n` +
    `${checkLines(checks)
      .map((line) => `  ${line}`)
      .join('\n')}\n` +
    `Fix them, or promote over them with ${acknowledgeHint(checks)}.`;
  return new Refusal({ ...refusal.error, message }, refusal.status);
}

/** What `promote checks` ends with when the report has error checks: a promotion would be refused. */
export function blockingFailure(checks: readonly LaunchCheck[]): Failure {
  const errors = checks.filter((c) => c.severity === 'error');
  return new Failure({
    code: 'launch_checks_failed',
    message: `${errors.length} error check${errors.length === 1 ? '' : 's'} would block the promotion: fix them, or promote with ${acknowledgeHint(errors)}.`,
    details: errors,
  });
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
