import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { validateContent } from './validate-content';

function normalizedBlocks(blocks: unknown[]) {
  const result = validateContent('page', { title: 'Home', path: '/', blocks });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data.blocks;
}

describe('block ids', () => {
  const heading = { type: 'heading', text: 'Welcome', level: 1 };
  const paragraph = { type: 'text', text: 'Fresh beans every Monday.' };

  it('derives a missing id from the sha256 of the block content', () => {
    const expected = `b_${createHash('sha256').update(canonicalJson(paragraph)).digest('hex').slice(0, 12)}`;
    expect(normalizedBlocks([paragraph])[0]).toEqual({ ...paragraph, id: expected });
  });

  it('gives the same ids when the same body is sent again', () => {
    expect(normalizedBlocks([heading, paragraph])).toEqual(normalizedBlocks([heading, paragraph]));
  });

  it('ignores key order inside a block', () => {
    const [a] = normalizedBlocks([{ level: 1, text: 'Welcome', type: 'heading' }]);
    const [b] = normalizedBlocks([heading]);
    expect(a.id).toBe(b.id);
  });

  it('keeps ids when blocks are reordered', () => {
    const [h1, p1] = normalizedBlocks([heading, paragraph]);
    const [p2, h2] = normalizedBlocks([paragraph, heading]);
    expect([h2.id, p2.id]).toEqual([h1.id, p1.id]);
  });

  it('numbers identical blocks _2, _3 in order', () => {
    const ids = normalizedBlocks([paragraph, heading, paragraph, paragraph]).map((b) => b.id);
    expect(ids[2]).toBe(`${ids[0]}_2`);
    expect(ids[3]).toBe(`${ids[0]}_3`);
    expect(new Set(ids).size).toBe(4);
  });

  it('keeps the ids it is given, and a resent normalized body is unchanged', () => {
    const first = normalizedBlocks([{ ...heading, id: 'intro' }, paragraph]);
    expect(first[0].id).toBe('intro');
    expect(normalizedBlocks(first)).toEqual(first);
  });

  it('never generates an id that a given block already uses', () => {
    const [withId] = normalizedBlocks([paragraph]);
    const ids = normalizedBlocks([paragraph, withId]).map((b) => b.id);
    expect(ids).toEqual([`${withId.id}_2`, withId.id]);
  });

  it('refuses duplicate given ids at the second block', () => {
    const result = validateContent('page', {
      title: 'Home',
      path: '/',
      blocks: [
        { ...heading, id: 'a' },
        { ...paragraph, id: 'b' },
        { ...paragraph, id: 'a' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'data.blocks[2].id', message: 'must be unique: data.blocks[0] has the same id' }],
    });
  });

  it('refuses an id that is not a non-empty string', () => {
    const result = validateContent('post', { title: 'T', path: '/t', blocks: [{ ...paragraph, id: 7 }] });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'data.blocks[0].id', message: 'must be a non-empty string of at most 200 characters' }],
    });
  });
});
