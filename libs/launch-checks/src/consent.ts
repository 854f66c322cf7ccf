import { check, type LaunchCheck, type LaunchState, listed, record, str } from './launch-check';

// Hosts whose scripts track visitors (analytics, ads, session replay): loading one needs consent in the EU.
const TRACKER_HOSTS = [
  'googletagmanager.com',
  'google-analytics.com',
  'analytics.google.com',
  'doubleclick.net',
  'googleadservices.com',
  'connect.facebook.net',
  'facebook.com',
  'hotjar.com',
  'clarity.ms',
  'cdn.segment.com',
  'snap.licdn.com',
  'analytics.tiktok.com',
  'bat.bing.com',
  'mc.yandex.ru',
  'static.ads-twitter.com',
  'js.hs-scripts.com',
  'cdn.mxpnl.com',
  'cdn.amplitude.com',
  'fullstory.com',
];

/**
 * Scripts that run before the visitor consents: the renderer loads a consent rule's scripts at once when
 * the rule's category is `necessary`, and every other rule's only after consent. A script loaded that way that
 * tracks (its own category is not `necessary`, or its host is a known tracker) and that production does not
 * already load so is an error, one per consent rule.
 */
export function consentChecks(candidate: LaunchState, production: LaunchState): LaunchCheck[] {
  const before = new Set(ungated(production).map((s) => s.src));
  const checks: LaunchCheck[] = [];
  for (const rule of candidate.consentRules) {
    const scripts = ungated({ consentRules: [rule] })
      .filter((s) => tracks(s) && !before.has(s.src))
      .map((s) => s.src);
    if (scripts.length)
      checks.push(
        check(
          'tracking_before_consent',
          'consent_rule',
          rule.key,
          `The consent rule "${rule.key}" would load ${listed(scripts)} before the visitor consents: it is in the "necessary" category but tracks.`,
          { details: { scripts } },
        ),
      );
  }
  return checks;
}

function ungated(state: Pick<LaunchState, 'consentRules'>): { src: string; category: string }[] {
  return state.consentRules.flatMap((rule) => {
    const body = record(rule.body);
    if (str(body.category) !== 'necessary' || !Array.isArray(body.scripts)) return [];
    return body.scripts
      .map((s) => ({ src: str(record(s).src).trim(), category: str(record(s).category) }))
      .filter((s) => s.src !== '');
  });
}

function tracks(script: { src: string; category: string }): boolean {
  if (script.category !== '' && script.category !== 'necessary') return true;
  let host: string;
  try {
    host = new URL(script.src).hostname.toLowerCase();
  } catch {
    return false; // a path on the site itself
  }
  return TRACKER_HOSTS.some((tracker) => host === tracker || host.endsWith(`.${tracker}`));
}
