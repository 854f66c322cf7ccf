import { Random } from './random';
import { mediaKey, type SiteKeys } from './site-keys';
import { paragraph, sentence, titleCase, words } from './words';

type Block = Record<string, unknown>;

/** A page or post of about 2 KB of page-builder JSON: 6–12 blocks of headings, paragraphs, images and forms. */
export function publishableBody(keys: SiteKeys, kind: 'page' | 'post', index: number): Record<string, unknown> {
  const { title, path } = keys.publishable(kind, index);
  const random = Random.of(keys.seed, kind, 'body', index);
  const mediaCount = keys.plan.media;
  const blocks = [heading(random, 2)];
  const blockCount = random.int(6, 12);
  const formAt = keys.plan.form > 0 && random.chance(0.15) ? random.int(2, blockCount - 1) : -1;
  while (blocks.length < blockCount) {
    if (blocks.length === formAt)
      blocks.push({ type: 'form', form: keys.pick(random, keys.plan.form, (i) => keys.form(i)) });
    else if (mediaCount > 0 && random.chance(0.15)) blocks.push(image(random, mediaCount));
    else if (random.chance(0.2)) blocks.push(heading(random, random.int(2, 3)));
    else blocks.push({ type: 'text', text: paragraph(random, random.int(1, 4)) });
  }
  const used = new Set<string>();
  const body: Record<string, unknown> = {
    title,
    path,
    summary: sentence(random),
    seo: { title, description: sentence(random, 12, 20) },
    blocks: blocks.map((block) => ({ id: uniqueId(random, used), ...block })),
  };
  const layout = keys.pick(random, keys.plan.layout, (i) => keys.layout(i));
  if (layout) body.layout = layout;
  if (mediaCount > 0 && random.chance(0.5)) (body.seo as Block).ogImage = mediaKey(random.int(0, mediaCount - 1));
  if (kind === 'post') {
    body.author = titleCase(words(random, 2));
    body.tags = words(random, random.int(1, 4));
    body.publishedAt = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString();
  }
  return body;
}

function heading(random: Random, level: number): Block {
  return { type: 'heading', text: titleCase(words(random, random.int(2, 6))), level };
}

function image(random: Random, mediaCount: number): Block {
  return { type: 'image', media: mediaKey(random.int(0, mediaCount - 1)), alt: sentence(random, 3, 8).slice(0, -1) };
}

function uniqueId(random: Random, used: Set<string>): string {
  let id: string;
  do id = `b_${random.hex(12)}`;
  while (used.has(id));
  used.add(id);
  return id;
}
