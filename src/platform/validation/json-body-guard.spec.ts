import { AppError } from '../errors/app-error';
import { jsonTextProblem, MAX_JSON_DEPTH, RefusedBody, verifyJsonBody } from './json-body-guard';

const problemIn = (text: string) => jsonTextProblem(Buffer.from(text));

describe('jsonTextProblem', () => {
  it('accepts ordinary JSON, surrogate pairs and escaped backslashes', () => {
    for (const text of [
      '{"a":[1,{"b":"c"}],"d":null}',
      JSON.stringify({ emoji: '😀', escaped: '\\u0000 and \\ud800 as text', quote: 'say "hi" [{' }),
      '"\\ud83d\\ude00"',
      '"\\u00e9\\n\\t"',
    ])
      expect(problemIn(text)).toBeNull();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}, counting arrays and objects, not brackets in strings`, () => {
    expect(problemIn('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeNull();
    expect(problemIn('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))?.code).toBe('too_deep');
    expect(problemIn('['.repeat(100_000))?.code).toBe('too_deep');
    expect(problemIn(`["${'['.repeat(1000)}"]`)).toBeNull();
  });

  it('refuses lone surrogates, high or low, in values and keys', () => {
    for (const text of ['"\\ud800"', '"a\\uDFFFb"', '{"\\udc00":1}', '"\\ud800\\u0041"', '"\\ud800\\ud800"'])
      expect({ text, code: problemIn(text)?.code }).toEqual({ text, code: 'invalid_unicode' });
  });

  it('refuses U+0000, which PostgreSQL cannot store', () => {
    const problem = problemIn('{"a":"x\\u0000y"}');
    expect(problem).toMatchObject({ code: 'validation_failed', details: [{ path: 'body' }] });
  });

  it('leaves malformed escapes to the JSON parser', () => {
    expect(problemIn('"\\uZZZZ"')).toBeNull();
  });
});

describe('verifyJsonBody', () => {
  const verify =
    (text: string, encoding = 'utf-8') =>
    () =>
      verifyJsonBody({} as never, {}, Buffer.from(text), encoding);

  it('throws a refusal that body-parser passes on with its status', () => {
    expect(verify('"\\ud800"')).toThrow(RefusedBody);
    try {
      verify('"\\ud800"')();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, statusCode: 400, expose: true, type: 'entity.refused' });
      expect((error as RefusedBody).refusal).toBeInstanceOf(AppError);
    }
  });

  it('refuses JSON that is not UTF-8 with 415', () => {
    expect(verify('{}', 'utf-16le')).toThrow(expect.objectContaining({ status: 415 }));
    expect(verify('{}')).not.toThrow();
  });
});
