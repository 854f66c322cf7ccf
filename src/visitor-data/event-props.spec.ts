import { MAX_PROPS_BYTES, MAX_PROPS_DEPTH, propsJson, textProblem } from './event-props';

const nested = (levels: number): object => {
  let value: object = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
};

describe('propsJson', () => {
  it('gives the JSON text of storable props', () => {
    const props = { plan: 'pro', seats: 3, trial: false, cart: { items: [{ sku: 'k1' }] }, note: null };
    expect(propsJson(props)).toEqual({ json: JSON.stringify(props) });
  });

  it(`refuses props nested deeper than ${MAX_PROPS_DEPTH} levels, however deep, without recursing`, () => {
    expect(propsJson(nested(MAX_PROPS_DEPTH))).toHaveProperty('json');
    expect(propsJson(nested(MAX_PROPS_DEPTH + 1))).toEqual({ problem: 'must be nested at most 5 levels deep' });
    expect(propsJson(nested(200_000))).toEqual({ problem: 'must be nested at most 5 levels deep' });
  });

  it('refuses lone surrogates and NUL in keys and values, and numbers JSON cannot hold', () => {
    expect(propsJson({ a: 'x\ud800' })).toEqual({ problem: 'must be well-formed Unicode (no lone surrogates)' });
    expect(propsJson({ list: ['\udfff'] })).toEqual({ problem: 'must be well-formed Unicode (no lone surrogates)' });
    expect(propsJson({ ['k\ud800']: 1 })).toEqual({ problem: 'keys must be well-formed Unicode (no lone surrogates)' });
    expect(propsJson({ ['k\u0000']: 1 })).toEqual({ problem: 'keys must not contain the NUL character' });
    expect(propsJson({ n: Infinity })).toEqual({ problem: 'must hold finite numbers only' });
    expect(propsJson({ emoji: '☕ 😀' })).toHaveProperty('json');
  });

  it('measures the size in UTF-8 bytes, and stops early on a huge value', () => {
    const fits = { s: 'x'.repeat(MAX_PROPS_BYTES - 8) };
    expect(JSON.stringify(fits)).toHaveLength(MAX_PROPS_BYTES);
    expect(propsJson(fits)).toHaveProperty('json');
    // As many characters, but three bytes each.
    expect(propsJson({ s: '€'.repeat(MAX_PROPS_BYTES - 8) })).toEqual({
      problem: 'must be at most 4096 bytes of JSON',
    });
    expect(propsJson({ list: Array.from({ length: 1_000_000 }, () => 0) })).toEqual({
      problem: 'must be at most 4096 bytes of JSON',
    });
  });
});

describe('textProblem', () => {
  it('accepts well-formed text and names what is wrong otherwise', () => {
    expect(textProblem('/caf\u00e9/😀')).toBeNull();
    expect(textProblem('/\u0000')).toBe('must not contain the NUL character');
    expect(textProblem('/\udc00x')).toBe('must be well-formed Unicode (no lone surrogates)');
  });
});
