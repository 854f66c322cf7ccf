import { check, type LaunchCheck, type LaunchState, listed, record, singleton, str } from './launch-check';

/** The rules that apply to every crawler (`User-agent: *`), from a robots.txt body. */
export function rulesForAllAgents(body: string): { allow: string[]; disallow: string[] } {
  const rules = { allow: [] as string[], disallow: [] as string[] };
  let agents: string[] = [];
  let inRules = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const [field, value] = [match[1].toLowerCase(), match[2].trim()];
    if (field === 'user-agent') {
      // Consecutive User-agent lines share one group; one after a rule starts a new group.
      if (inRules) agents = [];
      inRules = false;
      agents.push(value);
    } else if (field === 'allow' || field === 'disallow') {
      inRules = true;
      if (agents.includes('*') && value !== '') rules[field].push(value);
    }
  }
  return rules;
}

// A pattern's expression, compiled once: a report tests every published page against each rule.
const compiled = new Map<string, RegExp>();
const COMPILED_MAX = 1000;

/** Whether `path` is disallowed by one of `patterns` (`*` wildcards, `$` anchors, as crawlers read them). */
export function matchesRobotsPattern(pattern: string, path: string): boolean {
  let expression = compiled.get(pattern);
  if (!expression) {
    const anchored = pattern.endsWith('$');
    const source = (anchored ? pattern.slice(0, -1) : pattern)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    expression = new RegExp(`^${source}${anchored ? '$' : ''}`);
    if (compiled.size >= COMPILED_MAX) compiled.clear();
    compiled.set(pattern, expression);
  }
  return expression.test(path);
}

// `Disallow: /` (or `/*`) with no `Allow: /` beside it: every URL of the site is off limits.
function blocksAll(rules: { allow: string[]; disallow: string[] }): boolean {
  return rules.disallow.some((d) => d === '/' || d === '/*') && !rules.allow.some((a) => a === '/' || a === '/*');
}

/** The robots.txt a state serves: its robots_txt entity, or (none) the allow-all default. */
function robotsOf(state: LaunchState): { key: string | null; rules: { allow: string[]; disallow: string[] } } {
  const entity = singleton(state.robotsTxt);
  return { key: entity?.key ?? null, rules: rulesForAllAgents(str(record(entity?.body).body)) };
}

/**
 * robots.txt that newly disallows all crawling (`error`: the site leaves search engines), or newly hides some
 * of the candidate's published pages from them (`warning`).
 */
export function robotsChecks(candidate: LaunchState, production: LaunchState): LaunchCheck[] {
  const after = robotsOf(candidate);
  if (after.key === null) return [];
  const before = robotsOf(production);
  if (blocksAll(after.rules))
    return blocksAll(before.rules)
      ? []
      : [
          check(
            'robots_blocks_all',
            'robots_txt',
            after.key,
            'robots.txt would disallow every crawler from the whole site (Disallow: / for User-agent: *): it drops out of search engines.',
          ),
        ];
  // The same rules on both sides hide nothing new: no page needs testing (the usual promotion).
  if (sameRules(after.rules, before.rules)) return [];
  const pages = candidate.routes.filter((r) => r.type === 'page' || r.type === 'post').map((r) => r.route);
  const hidden = pages.filter((path) => disallowed(after.rules, path) && !disallowed(before.rules, path)).sort();
  if (!hidden.length) return [];
  return [
    check(
      'robots_hides_pages',
      'robots_txt',
      after.key,
      `robots.txt would newly hide ${hidden.length} published page${hidden.length === 1 ? '' : 's'} from search engines (${listed(hidden)}).`,
      { details: { pages: hidden.slice(0, 50), count: hidden.length } },
    ),
  ];
}

function sameRules(a: { allow: string[]; disallow: string[] }, b: { allow: string[]; disallow: string[] }): boolean {
  const key = (rules: { allow: string[]; disallow: string[] }) =>
    JSON.stringify([[...rules.allow].sort(), [...rules.disallow].sort()]);
  return key(a) === key(b);
}

// The longest matching rule decides, and Allow wins a tie (as Google and RFC 9309 read it).
function disallowed(rules: { allow: string[]; disallow: string[] }, path: string): boolean {
  const longest = (patterns: string[]) =>
    patterns.reduce((best, p) => (p.length > best && matchesRobotsPattern(p, path) ? p.length : best), -1);
  return longest(rules.disallow) > longest(rules.allow);
}
