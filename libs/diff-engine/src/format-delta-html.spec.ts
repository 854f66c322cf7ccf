import { existsSync } from 'node:fs';
import { diffBodies } from './diff-bodies';
import { deltaCssPath, formatDeltaHtml } from './format-delta-html';

describe('formatDeltaHtml', () => {
  it('renders the changed values as HTML', () => {
    const left = { title: 'Welcome home', blocks: [{ id: 'a', text: 'Hello' }] };
    const right = { title: 'Welcome back', blocks: [{ id: 'a', text: 'Hello' }] };

    const html = formatDeltaHtml(diffBodies(left, right), left);

    expect(html).toContain('jsondiffpatch-modified');
    expect(html).toContain('Welcome home');
    expect(html).toContain('Welcome back');
  });

  it('is empty when nothing changed', () => {
    expect(formatDeltaHtml(undefined, { title: 'Same' })).toBe('');
  });
});

describe('deltaCssPath', () => {
  it('points at the formatter stylesheet', () => {
    const path = deltaCssPath();
    expect(path).toMatch(/html\.css$/);
    expect(existsSync(path)).toBe(true);
  });
});
