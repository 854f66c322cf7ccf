import { CONTENT_TYPES } from '../../libs/content-model';

export type ChangeOp = 'added' | 'changed' | 'removed';

/** The entities of one type that one promotion changed one way: how many, and the names of the first few. */
export interface ChangeGroup {
  type: string;
  op: ChangeOp;
  count: number;
  names: string[];
}

// [singular, plural] as people say them.
const NOUNS: Record<string, [string, string]> = {
  page: ['page', 'pages'],
  post: ['post', 'posts'],
  theme: ['theme', 'themes'],
  stylesheet: ['stylesheet', 'stylesheets'],
  layout: ['layout', 'layouts'],
  component_override: ['component override', 'component overrides'],
  custom_object_type: ['custom object type', 'custom object types'],
  custom_field: ['custom field', 'custom fields'],
  custom_object: ['custom object record', 'custom object records'],
  form: ['form', 'forms'],
  popup: ['popup', 'popups'],
  integration: ['integration', 'integrations'],
  site_settings: ['site settings entry', 'site settings entries'],
  redirect: ['redirect', 'redirects'],
  robots_txt: ['robots.txt', 'robots.txt files'],
  consent_rule: ['consent rule', 'consent rules'],
  media: ['media file', 'media files'],
};
const OPS: ChangeOp[] = ['changed', 'added', 'removed'];
// The sentence stays a sentence; the Markdown lists more.
const NAMES_IN_SUMMARY = 5;
const NAMES_IN_MARKDOWN = 20;
const NAME_LENGTH = 80;

const noun = (type: string, count: number) => {
  const [one, many] = NOUNS[type] ?? [type.replace(/_/g, ' '), `${type.replace(/_/g, ' ')}s`];
  return count === 1 ? one : many;
};
const order = (type: string) => {
  const at = (CONTENT_TYPES as readonly string[]).indexOf(type);
  return at < 0 ? CONTENT_TYPES.length : at;
};

/** Names as one line each, never longer than a line should be. */
const cleanName = (name: string) => {
  const line = name.replace(/\s+/g, ' ').trim();
  return line.length > NAME_LENGTH ? `${line.slice(0, NAME_LENGTH - 1)}…` : line;
};

/** Every character Markdown could read as syntax, backslash-escaped (CommonMark allows it before any of them). */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, '\\$&');

function sorted(groups: ChangeGroup[]): ChangeGroup[] {
  return groups
    .filter((g) => g.count > 0)
    .sort(
      (a, b) => order(a.type) - order(b.type) || a.type.localeCompare(b.type) || OPS.indexOf(a.op) - OPS.indexOf(b.op),
    );
}

function listed(group: ChangeGroup, limit: number, escape: (s: string) => string): string {
  const names = group.names.slice(0, limit).map((name) => escape(cleanName(name)));
  const more = group.count - names.length;
  if (!names.length) return '';
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

const heading = (g: ChangeGroup) => `${g.count} ${noun(g.type, g.count)} ${g.op}`;

/** "3 pages changed: Home, About, Menu; 1 form added: Contact", or "No changes". */
export function changelogSummary(groups: ChangeGroup[]): string {
  const parts = sorted(groups).map((g) => {
    const names = listed(g, NAMES_IN_SUMMARY, (s) => s);
    return names ? `${heading(g)}: ${names}` : heading(g);
  });
  return parts.length ? parts.join('; ') : 'No changes';
}

/** The same as a Markdown list under a heading, every name escaped. */
export function changelogMarkdown(title: string, groups: ChangeGroup[]): string {
  const lines = sorted(groups).map((g) => {
    const names = listed(g, NAMES_IN_MARKDOWN, escapeMarkdown);
    return names ? `- **${heading(g)}:** ${names}` : `- **${heading(g)}**`;
  });
  return [`# ${escapeMarkdown(title)}`, '', ...(lines.length ? lines : ['No changes.']), ''].join('\n');
}
