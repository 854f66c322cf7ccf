import { resolveVariables, VARIABLE_NAME, variablesIn } from './variables';

describe('environment variables in content', () => {
  const body = {
    title: 'Shop',
    blocks: [
      { id: 'a', type: 'html', html: '<div data-key="{{env.MAPS_KEY}}"></div>' },
      { id: 'b', type: 'text', text: 'Tag {{ env.GA_ID }} and {{env.GA_ID}}; not {{env.lower}} nor {{ENV.X}}' },
    ],
    count: 3,
    draft: null,
  };

  it('finds each variable a body refers to once, in any string, and ignores what is not a reference', () => {
    expect(variablesIn(body)).toEqual(['GA_ID', 'MAPS_KEY']);
    expect(variablesIn({ title: 'none' })).toEqual([]);
  });

  it('replaces references with the environment’s values and missing ones with nothing, leaving the rest', () => {
    expect(resolveVariables(body, { GA_ID: 'G-PROD', UNUSED: 'x' })).toEqual({
      title: 'Shop',
      blocks: [
        { id: 'a', type: 'html', html: '<div data-key=""></div>' },
        { id: 'b', type: 'text', text: 'Tag G-PROD and G-PROD; not {{env.lower}} nor {{ENV.X}}' },
      ],
      count: 3,
      draft: null,
    });
  });

  it('maps the values of Maps, keeping their keys', () => {
    const resolved = resolveVariables({ byKey: new Map([['hero', { alt: '{{env.A}}' }]]) }, { A: 'x' });
    expect(resolved.byKey.get('hero')).toEqual({ alt: 'x' });
    expect(variablesIn(new Map([['k', ['{{env.B}}']]]))).toEqual(['B']);
  });

  it('does not read a value of the object prototype as a variable', () => {
    expect(resolveVariables('{{env.CONSTRUCTOR}}', {})).toBe('');
    expect(resolveVariables({ a: '{{env.A}}' }, Object.create({ A: 'inherited' }))).toEqual({ a: '' });
  });

  it('accepts names of capitals, digits and underscores, starting with a capital, up to 64 characters', () => {
    for (const name of ['A', 'GA_MEASUREMENT_ID', 'K2', `A${'B'.repeat(63)}`])
      expect(VARIABLE_NAME.test(name)).toBe(true);
    for (const name of ['', 'a', '_A', '1A', 'A-B', `A${'B'.repeat(64)}`, 'Ä'])
      expect(VARIABLE_NAME.test(name)).toBe(false);
  });
});
