import { canonicalJson } from './canonical-json';
import { revisionHash } from './revision-hash';

describe('canonicalJson', () => {
  it('sorts keys recursively and keeps array order', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('follows JSON.stringify for undefined, non-finite numbers, dates and strings', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: NaN, d: new Date(0), e: 'q"\n' })).toBe(
      '{"b":[null],"c":null,"d":"1970-01-01T00:00:00.000Z","e":"q\\"\\n"}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(JSON.parse(canonicalJson({ x: [1, 'two', true, null] }))).toEqual({ x: [1, 'two', true, null] });
  });
});

describe('revisionHash', () => {
  const data = { title: 'Home', path: '/', blocks: [] };

  it('is a sha256 hex that ignores key order', () => {
    expect(revisionHash('page', data)).toMatch(/^[0-9a-f]{64}$/);
    expect(revisionHash('page', { blocks: [], path: '/', title: 'Home' })).toBe(revisionHash('page', data));
  });

  it('differs by type for the same body', () => {
    expect(revisionHash('post', data)).not.toBe(revisionHash('page', data));
  });

  it('differs when the body changes', () => {
    expect(revisionHash('page', { ...data, title: 'Home!' })).not.toBe(revisionHash('page', data));
  });
});
