import { canonicalJson, referencesOf, routeOf, validateContent } from '../../content-model';
import { generateSite } from './generate-site';
import { mutateEntity } from './mutate-entity';

describe('mutateEntity', () => {
  const site = [...generateSite({ entities: 600, seed: 3, mediaFiles: 10 })];
  const keys = new Set(site.map((e) => `${e.type}:${e.key}`));

  it.each(site.map((e, i) => [`${e.type} ${e.key}`, i] as const).filter((_, i) => i % 7 === 0))(
    'changes %s plausibly and keeps it valid',
    (_name, index) => {
      const entity = site[index];
      const before = canonicalJson(entity);
      const mutated = mutateEntity(entity, 42);
      expect(canonicalJson(entity)).toBe(before);
      expect(canonicalJson(mutated.data)).not.toBe(canonicalJson(entity.data));
      expect({ type: mutated.type, key: mutated.key }).toEqual({ type: entity.type, key: entity.key });
      expect(validateContent(mutated.type, mutated.data)).toMatchObject({ ok: true });
      expect(routeOf(mutated.type, mutated.data)).toBe(routeOf(entity.type, entity.data));
      for (const reference of referencesOf(mutated.type, mutated.data)) {
        expect(keys).toContain(`${reference.type}:${reference.key}`);
      }
    },
  );

  it('covers every type of the generated site', () => {
    for (const entity of site) expect(canonicalJson(mutateEntity(entity, 1))).not.toBe(canonicalJson(entity));
  });

  it('is deterministic in the seed', () => {
    const page = site.find((e) => e.type === 'page')!;
    expect(mutateEntity(page, 9)).toEqual(mutateEntity(page, 9));
    const variants = new Set([1, 2, 3, 4, 5, 6].map((seed) => canonicalJson(mutateEntity(page, seed))));
    expect(variants.size).toBeGreaterThan(1);
  });

  it('edits a paragraph, moves a block or changes the title of a page', () => {
    const pages = site.filter((e) => e.type === 'page' || e.type === 'post');
    const kinds = new Set<string>();
    for (const page of pages.slice(0, 60)) {
      const mutated = mutateEntity(page, 5);
      const ids = (blocks: { id: string }[]) => blocks.map((b) => b.id).join(',');
      if (mutated.data.title !== page.data.title) kinds.add('title');
      else if (ids(mutated.data.blocks) !== ids(page.data.blocks)) kinds.add('move');
      else kinds.add('paragraph');
    }
    expect([...kinds].sort()).toEqual(['move', 'paragraph', 'title']);
  });
});
