import { changelogMarkdown, changelogSummary, escapeMarkdown, type ChangeGroup } from './changelog-format';

const groups: ChangeGroup[] = [
  { type: 'form', op: 'added', count: 1, names: ['Contact'] },
  { type: 'page', op: 'changed', count: 3, names: ['About', 'Home', 'Menu'] },
];

describe('changelogSummary', () => {
  it('says what changed in one sentence, types in the content model order', () => {
    expect(changelogSummary(groups)).toBe('3 pages changed: About, Home, Menu; 1 form added: Contact');
  });

  it('counts singular and plural, and lists only the first names of a long group', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
    expect(changelogSummary([{ type: 'post', op: 'removed', count: 12, names }])).toBe(
      '12 posts removed: A, B, C, D, E and 7 more',
    );
    expect(changelogSummary([{ type: 'custom_object', op: 'added', count: 1, names: ['Espresso'] }])).toBe(
      '1 custom object record added: Espresso',
    );
    expect(changelogSummary([{ type: 'site_settings', op: 'changed', count: 1, names: [] }])).toBe(
      '1 site settings entry changed',
    );
  });

  it('orders changed, added, removed within a type, and says when nothing changed', () => {
    const page = (op: ChangeGroup['op']): ChangeGroup => ({ type: 'page', op, count: 1, names: [op] });
    expect(changelogSummary([page('removed'), page('added'), page('changed')])).toBe(
      '1 page changed: changed; 1 page added: added; 1 page removed: removed',
    );
    expect(changelogSummary([])).toBe('No changes');
  });

  it('keeps each name on one short line', () => {
    const summary = changelogSummary([
      { type: 'page', op: 'added', count: 1, names: [`Two\nlines ${'x'.repeat(200)}`] },
    ]);
    expect(summary).not.toContain('\n');
    expect(summary.length).toBeLessThan(120);
  });
});

describe('changelogMarkdown', () => {
  it('is a list under a heading', () => {
    expect(changelogMarkdown('Promotion v3 → v4', groups)).toBe(
      ['# Promotion v3 → v4', '', '- **3 pages changed:** About, Home, Menu', '- **1 form added:** Contact', ''].join(
        '\n',
      ),
    );
  });

  it('escapes what a title could make Markdown do', () => {
    const md = changelogMarkdown('x', [
      { type: 'page', op: 'added', count: 1, names: ['**Bold** [link](javascript:alert(1)) <img src=x> # _'] },
    ]);
    expect(md).toContain('\\*\\*Bold\\*\\* \\[link\\]\\(javascript\\:alert\\(1\\)\\) \\<img src\\=x\\> \\# \\_');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
  });
});
