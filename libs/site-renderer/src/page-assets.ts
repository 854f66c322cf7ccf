import type { PageBody } from '../../content-model';
import { layoutFor, popupsFor, type SiteDesign } from './site-design';

/**
 * The keys of the forms and media a page needs, from its blocks, its layout, the popups, component props and
 * SEO images, so the caller loads exactly those in one query.
 */
export function assetKeysOf(page: PageBody, design: SiteDesign): { forms: string[]; media: string[] } {
  const forms = new Set<string>();
  const media = new Set<string>();
  const layout = layoutFor(design, page.layout);
  const blocks = [...arrayOf(page.blocks), ...arrayOf(layout?.header), ...arrayOf(layout?.footer)];
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as Record<string, unknown>;
    if (b.type === 'form') add(forms, b.form);
    if (b.type === 'image') add(media, b.media);
    if (b.type === 'component') {
      const override = design.components.get(String(b.component));
      for (const props of [override?.props, b.props])
        if (typeof props === 'object' && props !== null) {
          const p = props as Record<string, unknown>;
          add(media, p.image ?? p.media);
        }
    }
  }
  for (const popup of popupsFor(design, page.path)) add(forms, popup.body.form);
  add(media, page.seo?.ogImage);
  add(media, design.settings.ogImage);
  return { forms: [...forms], media: [...media] };
}

/** What the site-wide pages (404, thank-you, maintenance) need: layout and popup assets and the site's image. */
export function siteAssetKeysOf(design: SiteDesign): { forms: string[]; media: string[] } {
  return assetKeysOf({ title: '', path: '/', blocks: [] }, design);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function add(set: Set<string>, value: unknown): void {
  if (typeof value === 'string' && value !== '') set.add(value);
}
