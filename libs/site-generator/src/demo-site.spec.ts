import { createHash } from 'node:crypto';
import { referencesOf, routeOf, validateContent, validateKey } from '../../content-model';
import { demoSite } from './demo-site';

describe('demoSite', () => {
  const { entities, media } = demoSite();
  const find = (type: string, key: string) => entities.find((e) => e.type === type && e.key === key);

  it('is valid, normalized, and every reference resolves once its media is uploaded', () => {
    const known = new Set(media.map((m) => `media:${m.key}`));
    for (const entity of entities) {
      expect(validateKey(entity.key)).toBeNull();
      expect(validateContent(entity.type, entity.data)).toEqual({ ok: true, data: entity.data });
      for (const ref of referencesOf(entity.type, entity.data)) expect(known).toContain(`${ref.type}:${ref.key}`);
      known.add(`${entity.type}:${entity.key}`);
    }
  });

  it('is the Acme Coffee Roasters site', () => {
    expect(find('site_settings', 'default')?.data).toMatchObject({ title: 'Acme Coffee Roasters' });
    const routes = entities.map((e) => [e.type, routeOf(e.type, e.data)]).filter(([, route]) => route);
    expect(routes).toEqual([
      ['page', '/'],
      ['page', '/about'],
      ['post', '/blog/first-roast'],
      ['redirect', '/old-about'],
    ]);
    expect(find('redirect', 'old-about')?.data).toEqual({ from: '/old-about', to: '/about', status: 301 });
    expect(find('form', 'contact')?.data.fields.map((f: { name: string }) => f.name)).toEqual([
      'name',
      'email',
      'message',
    ]);
    expect(find('page', 'about')?.data.blocks).toContainEqual(
      expect.objectContaining({ type: 'form', form: 'contact' }),
    );
    for (const type of ['theme', 'stylesheet', 'layout']) expect(entities.some((e) => e.type === type)).toBe(true);
  });

  it('ships one real PNG that the home page shows', () => {
    expect(media).toHaveLength(1);
    const [image] = media;
    expect(image.contentType).toBe('image/png');
    expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(find('page', 'home')?.data.blocks).toContainEqual(
      expect.objectContaining({ type: 'image', media: image.key }),
    );
    expect(createHash('sha256').update(demoSite().media[0].bytes).digest('hex')).toBe(
      createHash('sha256').update(image.bytes).digest('hex'),
    );
  });
});
