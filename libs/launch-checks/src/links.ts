import { record, str } from './launch-check';

/** What a block list points at: link targets as written, and media keys it shows. */
export interface Outgoing {
  hrefs: string[];
  media: string[];
}

// <a href> and <img src> in an html block, quoted or not. Markup is the author's: a miss costs a warning, not a bug.
const HTML_URL = /<(a|img)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * The links and files of page-builder blocks, as the renderer would emit them: link and button blocks'
 * `href`, anchors and images in html blocks, image blocks, and components (a navbar's `links`, a button's
 * `href`, a hero's image; which component a block is comes from its override). A block's own props only: the
 * override's site-wide props are the override's own findings (`withOverrideProps`), reported once.
 * Text blocks render as plain text, so they link nowhere.
 */
export function outgoingOf(
  blocks: unknown,
  components: ReadonlyMap<string, unknown>,
  withOverrideProps = false,
): Outgoing {
  const out: Outgoing = { hrefs: [], media: [] };
  if (!Array.isArray(blocks)) return out;
  for (const raw of blocks) {
    const block = record(raw);
    switch (block.type) {
      case 'link':
      case 'button':
        addString(out.hrefs, block.href);
        break;
      case 'image':
        addString(out.media, block.media);
        break;
      case 'html':
        for (const match of str(block.html).matchAll(HTML_URL)) out.hrefs.push(match[2] ?? match[3] ?? match[4]);
        break;
      case 'component':
        componentOutgoing(block, components, withOverrideProps, out);
        break;
    }
  }
  return out;
}

function componentOutgoing(
  block: Record<string, unknown>,
  components: ReadonlyMap<string, unknown>,
  withOverrideProps: boolean,
  out: Outgoing,
) {
  const key = str(block.component);
  const override = record(components.get(key));
  const props = withOverrideProps ? record(override.props) : record(block.props);
  switch (str(override.component) || key) {
    case 'navbar':
      for (const link of Array.isArray(props.links) ? props.links.slice(0, 50) : [])
        if (typeof link === 'string') out.hrefs.push(`/${navbarSlug(link)}`);
        else addString(out.hrefs, record(link).href ?? record(link).path);
      break;
    case 'button':
      addString(out.hrefs, props.href);
      break;
    case 'hero':
      addString(out.media, props.image ?? props.media);
      break;
  }
}

/** A navbar's plain-text link ("Our Menu") goes to the slug of its label, as the renderer builds it. */
export function navbarSlug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function addString(list: string[], value: unknown) {
  if (typeof value === 'string' && value.trim() !== '') list.push(value.trim());
}
