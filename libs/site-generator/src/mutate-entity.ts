import { Random } from './random';
import type { SiteEntity } from './site-entity';
import { paragraph, sentence, titleCase, words } from './words';

type Body = Record<string, any>;

/**
 * A copy of `entity` with one plausible edit (a paragraph rewritten, a block moved, a title changed, a value
 * updated), for "1% of the site changed" benchmarks. Deterministic in (entity, seed); the body stays valid,
 * keeps its references and its route, and always differs from the original.
 */
export function mutateEntity(entity: SiteEntity, seed: number): SiteEntity {
  const random = Random.of('mutate', seed, entity.type, entity.key);
  const data: Body = structuredClone(entity.data);
  EDITS[entity.type](data, random);
  // A random edit can land on the value it replaces; a benchmark's "changed" entity must really change.
  if (JSON.stringify(data) === JSON.stringify(entity.data)) data.note = stamp(random);
  return { ...entity, data };
}

const stamp = (random: Random) => `${titleCase(words(random, 2))} ${random.int(2, 9999)}`;

const EDITS: Record<SiteEntity['type'], (body: Body, random: Random) => void> = {
  page: editPublishable,
  post: editPublishable,
  custom_object: (body, random) => {
    const names = Object.keys(body.values);
    const name = names.length > 0 ? random.pick(names) : 'note';
    const value = body.values[name];
    body.values[name] = typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : stamp(random);
  },
  form: (body, random) => (body.submitLabel = `${body.submitLabel ?? 'Send'} (${stamp(random)})`),
  redirect: (body) => (body.status = body.status === 301 ? 302 : 301),
  media: (body, random) => (body.alt = sentence(random, 3, 8).slice(0, -1)),
  theme: (body, random) => (body.colors = { ...body.colors, primary: `#${random.hex(6)}` }),
  stylesheet: (body, random) => (body.css = `${body.css}\n.promo-${random.hex(6)} { font-weight: 700; }`),
  robots_txt: (body, random) => (body.body = `${body.body}Disallow: /private-${random.hex(6)}\n`),
  site_settings: (body, random) => (body.description = sentence(random)),
  consent_rule: (body, random) => (body.bannerText = paragraph(random, 1)),
  popup: (body, random) => (body.title = `${body.title ?? ''} ${stamp(random)}`.trim()),
  integration: (body, random) => (body.name = stamp(random)),
  layout: (body, random) => (body.name = stamp(random)),
  component_override: (body, random) => (body.props = { ...body.props, variant: stamp(random) }),
  custom_object_type: (body, random) => (body.description = sentence(random)),
  custom_field: (body, random) => (body.label = stamp(random)),
};

function editPublishable(body: Body, random: Random): void {
  const blocks: Body[] = body.blocks;
  const texts = blocks.filter((block) => block.type === 'text');
  const edit = random.int(0, 2);
  if (edit === 0 && texts.length > 0) {
    const block = random.pick(texts);
    block.text = `${paragraph(random, random.int(1, 3))} ${stamp(random)}.`;
  } else if (edit === 1 && blocks.length > 1) {
    const from = random.int(0, blocks.length - 1);
    const to = (from + random.int(1, blocks.length - 1)) % blocks.length;
    blocks.splice(to, 0, ...blocks.splice(from, 1));
  } else {
    body.title = `${titleCase(words(random, random.int(3, 6)))} ${random.int(2, 9999)}`;
  }
}
