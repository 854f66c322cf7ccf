import { referencesOf } from './references';

describe('referencesOf', () => {
  it('finds media, forms, the layout and the og image of a page or post', () => {
    const body = {
      title: 'Home',
      path: '/',
      layout: 'main',
      seo: { ogImage: 'og.png' },
      blocks: [
        { id: 'a', type: 'heading', text: 'Hi', level: 1 },
        { id: 'b', type: 'image', media: 'hero.png', alt: '' },
        { id: 'c', type: 'form', form: 'contact' },
      ],
    };
    const expected = [
      { type: 'media', key: 'hero.png', path: 'data.blocks[1].media' },
      { type: 'form', key: 'contact', path: 'data.blocks[2].form' },
      { type: 'layout', key: 'main', path: 'data.layout' },
      { type: 'media', key: 'og.png', path: 'data.seo.ogImage' },
    ];
    expect(referencesOf('page', body)).toEqual(expected);
    expect(referencesOf('post', body)).toEqual(expected);
  });

  it('finds the component overrides of a layout', () => {
    const body = {
      header: [{ type: 'component', component: 'site-header' }],
      footer: [
        { type: 'text', text: '©' },
        { type: 'component', component: 'site-footer' },
      ],
    };
    expect(referencesOf('layout', body)).toEqual([
      { type: 'component_override', key: 'site-header', path: 'data.header[0].component' },
      { type: 'component_override', key: 'site-footer', path: 'data.footer[1].component' },
    ]);
  });

  it('finds the object type of custom fields and custom objects', () => {
    const expected = [{ type: 'custom_object_type', key: 'product', path: 'data.objectType' }];
    expect(referencesOf('custom_field', { objectType: 'product', name: 'price', fieldType: 'number' })).toEqual(
      expected,
    );
    expect(referencesOf('custom_object', { objectType: 'product', values: {} })).toEqual(expected);
  });

  it("finds a form's integrations (where its submissions go)", () => {
    expect(referencesOf('form', { title: 'Contact', fields: [], integrations: ['crm', 7, 'mail'] })).toEqual([
      { type: 'integration', key: 'crm', path: 'data.integrations[0]' },
      { type: 'integration', key: 'mail', path: 'data.integrations[2]' },
    ]);
  });

  it("finds a popup's form and the site settings' og image", () => {
    expect(referencesOf('popup', { form: 'newsletter' })).toEqual([
      { type: 'form', key: 'newsletter', path: 'data.form' },
    ]);
    expect(referencesOf('site_settings', { ogImage: 'og.png' })).toEqual([
      { type: 'media', key: 'og.png', path: 'data.ogImage' },
    ]);
  });

  it('finds nothing in types that reference nothing, and tolerates malformed bodies', () => {
    expect(referencesOf('redirect', { from: '/a', to: '/b', status: 301 })).toEqual([]);
    expect(referencesOf('popup', {})).toEqual([]);
    expect(referencesOf('page', null)).toEqual([]);
    expect(referencesOf('page', { blocks: 'x', layout: 5 })).toEqual([]);
    expect(referencesOf('page', { blocks: [null, { type: 'constructor' }, { type: 'image', media: 3 }] })).toEqual([]);
  });
});
