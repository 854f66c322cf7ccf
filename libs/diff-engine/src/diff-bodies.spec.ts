import { diffBodies } from './diff-bodies';

const longParagraph =
  'Our agency builds fast, accessible websites for small businesses, and we promote every change with care.';

describe('diffBodies', () => {
  it('returns undefined for equal bodies', () => {
    const body = { title: 'Home', blocks: [{ id: 'a', text: 'Hello' }] };
    expect(diffBodies(body, structuredClone(body))).toBeUndefined();
  });

  it('reports a block moved to a new index as a move, not as edits', () => {
    const left = { blocks: [{ id: 'hero' }, { id: 'intro' }, { id: 'footer' }] };
    const right = { blocks: [{ id: 'intro' }, { id: 'footer' }, { id: 'hero' }] };

    expect(diffBodies(left, right)).toEqual({ blocks: { _t: 'a', _0: ['', 2, 3] } });
  });

  it('matches form fields by name', () => {
    const left = {
      fields: [
        { name: 'email', label: 'Email' },
        { name: 'message', label: 'Message' },
      ],
    };
    const right = {
      fields: [
        { name: 'message', label: 'Message' },
        { name: 'email', label: 'E-mail' },
      ],
    };

    // The longest common subsequence keeps `email` in place, so `message` is the one that moves.
    expect(diffBodies(left, right)).toEqual({
      fields: { _t: 'a', _1: ['', 0, 3], 1: { label: ['Email', 'E-mail'] } },
    });
  });

  it('diffs an edited long paragraph as text', () => {
    const left = { body: longParagraph };
    const right = { body: longParagraph.replace('fast, accessible', 'fast and accessible') };

    const delta = diffBodies(left, right) as any;
    const [patch, zero, textDiffMarker] = delta.body;
    expect([zero, textDiffMarker]).toEqual([0, 2]);
    expect(patch).toContain('@@');
  });

  it('replaces short strings whole', () => {
    expect(diffBodies({ title: 'Home' }, { title: 'Start' })).toEqual({ title: ['Home', 'Start'] });
  });

  it('reports added and removed fields', () => {
    expect(diffBodies({ title: 'Home', draft: true }, { title: 'Home', seo: { noindex: true } })).toEqual({
      draft: [true, 0, 0],
      seo: [{ noindex: true }],
    });
  });
});
