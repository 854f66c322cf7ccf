import { createHash } from 'node:crypto';
import { canonicalJson, referencesOf, routeOf, validateContent, validateKey } from '../../content-model';
import { generateSite } from './generate-site';
import { mediaBytes } from './png';
import type { SiteEntity } from './site-entity';

const idOf = (e: { type: string; key: string }) => `${e.type}:${e.key}`;
const digest = (entities: SiteEntity[]) => createHash('sha256').update(canonicalJson(entities)).digest('hex');

function expectWellFormed(entities: SiteEntity[]): void {
  const seen = new Set<string>();
  const routes = new Set<string>();
  for (const entity of entities) {
    expect(validateKey(entity.key)).toBeNull();
    // Every body is valid and already normalized: validating it changes nothing.
    expect(validateContent(entity.type, entity.data)).toEqual({ ok: true, data: entity.data });
    // Entities come after what they reference, so inserting them in order never dangles.
    for (const reference of referencesOf(entity.type, entity.data)) expect(seen).toContain(idOf(reference));
    expect(seen).not.toContain(idOf(entity));
    seen.add(idOf(entity));
    const route = routeOf(entity.type, entity.data);
    if (route) {
      expect(routes).not.toContain(route);
      routes.add(route);
    }
  }
}

describe('generateSite', () => {
  const site = [...generateSite({ entities: 2000, seed: 7, mediaFiles: 20 })];
  const ofType = (type: string) => site.filter((e) => e.type === type);

  it('yields exactly the requested number of entities', () => {
    expect(site).toHaveLength(2000);
    expect(ofType('media')).toHaveLength(20);
  });

  it('yields valid bodies with unique keys and routes whose references all resolve', () => {
    expectWellFormed(site);
  });

  it('mixes the types like a real site', () => {
    const publishable = ofType('page').length + ofType('post').length;
    expect(publishable / site.length).toBeGreaterThan(0.65);
    expect(publishable / site.length).toBeLessThan(0.8);
    expect(ofType('custom_object').length / site.length).toBeCloseTo(0.15, 2);
    expect(ofType('custom_object_type').length).toBeGreaterThanOrEqual(2);
    for (const type of ['custom_field', 'form', 'popup', 'redirect', 'layout', 'component_override', 'integration']) {
      expect(ofType(type).length).toBeGreaterThan(0);
    }
    for (const type of ['theme', 'stylesheet', 'site_settings', 'robots_txt', 'consent_rule']) {
      expect(ofType(type)).toHaveLength(1);
    }
    expect(ofType('page').find((e) => e.data.path === '/')).toBeDefined();
  });

  it('builds pages of about 2 KB from 6 to 12 blocks, with images and some forms', () => {
    const pages = [...ofType('page'), ...ofType('post')];
    const sizes = pages.map((e) => Buffer.byteLength(JSON.stringify(e.data)));
    const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(average).toBeGreaterThan(1500);
    expect(average).toBeLessThan(3000);
    for (const page of pages) {
      expect(page.data.blocks.length).toBeGreaterThanOrEqual(6);
      expect(page.data.blocks.length).toBeLessThanOrEqual(12);
    }
    const blockTypes = new Set(pages.flatMap((e) => e.data.blocks.map((b: { type: string }) => b.type)));
    expect([...blockTypes].sort()).toEqual(['form', 'heading', 'image', 'text']);
  });

  it('describes media whose sha256 and size are those of mediaBytes', () => {
    for (const [index, media] of ofType('media').entries()) {
      const bytes = mediaBytes(index);
      expect(media.data).toMatchObject({
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
        contentType: 'image/png',
      });
    }
  });

  it('gives the same site for the same seed and another site for another seed', () => {
    expect(digest([...generateSite({ entities: 2000, seed: 7, mediaFiles: 20 })])).toBe(digest(site));
    expect(digest([...generateSite({ entities: 2000, seed: 8, mediaFiles: 20 })])).not.toBe(digest(site));
  });

  it.each([0, 1, 3, 10, 49, 120])('builds a consistent site of %i entities', (entities) => {
    const small = [...generateSite({ entities })];
    expect(small).toHaveLength(entities);
    expectWellFormed(small);
  });

  it('keeps media within the budget when asked for more media than entities', () => {
    const small = [...generateSite({ entities: 20, mediaFiles: 500 })];
    expect(small).toHaveLength(20);
    expectWellFormed(small);
  });
});
