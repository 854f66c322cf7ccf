import { Eta } from 'eta';
import type { FormBody, PageBody, PostBody } from '../../content-model';
import { BASE_CSS } from './base-css';
import { blockViews, paragraphs, popupView, str, type ViewContext } from './block-views';
import { CLIENT_SCRIPT } from './client-script';
import { TemplateBudget } from './component-template';
import { contentSecurityPolicy } from './content-security-policy';
import { cssForStyleElement, escapeHtml, jsonForScript } from './escape';
import { mediaUrl, safeHref } from './safe-url';
import { layoutFor, popupsFor, type PageAssets, type RenderTarget, type SiteDesign } from './site-design';
import { BLOCK, BLOCKS, FORM, PARAGRAPHS, POPUP } from './templates/blocks';
import { DOCUMENT, NOTICE, PAGE_CONTENT } from './templates/document';
import { SITEMAP } from './templates/sitemap';
import { themeCss } from './theme-css';
import type { BlockView, DocumentView } from './views';

const NO_ASSETS: PageAssets = { forms: new Map(), media: new Map() };
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const DEFAULT_MAINTENANCE = {
  title: 'Back soon',
  message: 'We are updating this site. Please try again in a minute.',
};

/** A rendered document and the Content-Security-Policy that lets exactly its own scripts and styles run. */
export interface RenderedPage {
  html: string;
  contentSecurityPolicy: string;
}

export interface Notice {
  title: string;
  message?: string;
  items?: string[];
  link?: { href: string; label: string };
}

/** What a page document is made of besides its main content. */
interface Frame {
  design: SiteDesign | null;
  assets: PageAssets;
  target: RenderTarget;
  path: string;
  title: string;
  description?: string;
  kind: string;
  ogImage?: unknown;
  /** Layout, popups, consent banner and tracking: off for pages that must stay minimal (maintenance, errors). */
  chrome: boolean;
  noindex?: boolean;
  /** The page or the site asks search engines not to index it (the page is otherwise whole). */
  robotsNoindex?: boolean;
  pageLayout?: unknown;
  /** The main content has an html block. */
  hasHtmlBlock?: boolean;
  /** The page's component-template budget, which its layout and popups share. */
  templates?: TemplateBudget;
}

/**
 * Renders a site's pages to HTML from entity bodies with Eta templates, whose interpolations escape by
 * default. Framework-free and stateless apart from its compiled templates: make one and reuse it.
 */
export class SiteRenderer {
  private readonly eta = new Eta({ autoEscape: true, escapeFunction: escapeHtml, cache: true });

  constructor() {
    const templates: Record<string, string> = {
      '@document': DOCUMENT,
      '@page-content': PAGE_CONTENT,
      '@notice': NOTICE,
      '@blocks': BLOCKS,
      '@block': BLOCK,
      '@paragraphs': PARAGRAPHS,
      '@form': FORM,
      '@popup': POPUP,
      '@sitemap': SITEMAP,
    };
    for (const [name, template] of Object.entries(templates)) this.eta.loadTemplate(name, template);
  }

  /** A page or post at its path, with the design's layout, theme, CSS, popups, consent and SEO metadata. */
  page(
    kind: 'page' | 'post',
    body: PageBody | PostBody,
    design: SiteDesign,
    assets: PageAssets,
    target: RenderTarget,
  ): RenderedPage {
    const templates = new TemplateBudget();
    const ctx: ViewContext = {
      base: target.base,
      design,
      assets,
      trustedCustomCode: target.trustedCustomCode === true,
      templates,
    };
    const blocks = blockViews(body.blocks, ctx);
    const hasH1 = blocks.some((b) => (b.kind === 'heading' && b.level === 1) || b.kind === 'hero');
    const content = this.eta.render('@page-content', {
      kind,
      title: str(body.title),
      showTitle: !hasH1,
      blocks,
      post: kind === 'post' ? postMeta(body as PostBody) : null,
    });
    return this.document(content, {
      design,
      assets,
      target,
      path: str(body.path) || '/',
      title: str(body.seo?.title) || str(body.title),
      description: str(body.seo?.description) || str(body.summary),
      kind,
      ogImage: body.seo?.ogImage,
      chrome: true,
      robotsNoindex: body.seo?.noindex === true || design.settings.noindex === true,
      pageLayout: body.layout,
      hasHtmlBlock: hasHtml(blocks),
      templates,
    });
  }

  /** The site's real 404 page: its design and layout, a way back home, never indexed. */
  notFound(design: SiteDesign | null, assets: PageAssets, target: RenderTarget): RenderedPage {
    return this.notice(design, assets, target, {
      title: 'Page not found',
      message: 'The page you asked for does not exist or has moved.',
      link: { href: `${target.base}/`, label: 'Go to the home page' },
    });
  }

  /** The maintenance page: the site's own title and message when it sets them, no scripts, no tracking. */
  maintenance(design: SiteDesign | null, target: RenderTarget): RenderedPage {
    const page = design?.settings.maintenancePage;
    return this.document(
      this.noticeContent({
        title: str(page?.title) || DEFAULT_MAINTENANCE.title,
        message: str(page?.message) || DEFAULT_MAINTENANCE.message,
      }),
      {
        design,
        assets: NO_ASSETS,
        target,
        path: '/',
        title: str(page?.title) || DEFAULT_MAINTENANCE.title,
        kind: 'maintenance',
        chrome: false,
        noindex: true,
      },
    );
  }

  /** Where a browser lands after a form is sent (303 See Other). */
  thankYou(design: SiteDesign, assets: PageAssets, target: RenderTarget, form: FormBody): RenderedPage {
    return this.notice(design, assets, target, {
      title: 'Thank you',
      message: str(form.successMessage) || 'We received your message.',
      link: { href: `${target.base}/`, label: 'Back to the home page' },
    });
  }

  /** A short page of text in the site's design (or a plain one without a design). */
  notice(design: SiteDesign | null, assets: PageAssets, target: RenderTarget, notice: Notice): RenderedPage {
    return this.document(this.noticeContent(notice), {
      design,
      assets,
      target,
      path: '/',
      title: notice.title,
      kind: 'notice',
      chrome: design !== null,
      noindex: true,
    });
  }

  /** sitemap.xml of absolute URLs. */
  sitemap(urls: readonly string[]): string {
    return this.eta.render('@sitemap', { urls });
  }

  private noticeContent(notice: Notice): string {
    return this.eta.render('@notice', {
      title: notice.title,
      paragraphs: paragraphs(notice.message),
      items: notice.items ?? [],
      link: notice.link ?? null,
    });
  }

  private document(content: string, frame: Frame): RenderedPage {
    const { design, target } = frame;
    const settings = design?.settings ?? {};
    const ctx: ViewContext = {
      base: target.base,
      design: design ?? EMPTY_DESIGN,
      assets: frame.assets,
      trustedCustomCode: target.trustedCustomCode === true,
      templates: frame.templates ?? new TemplateBudget(),
    };
    const layout = frame.chrome && design ? layoutFor(design, frame.pageLayout) : null;
    const header = layout ? blockViews(layout.header, ctx) : [];
    const footer = layout ? blockViews(layout.footer, ctx) : [];
    const siteTitle = str(settings.title);
    const canonicalBase = safeHref(settings.canonicalBase)?.replace(/\/+$/, '') ?? '';
    const canonical = canonicalBase && /^https?:\/\//.test(canonicalBase) ? canonicalBase + frame.path : null;
    const rules = frame.chrome && design ? design.consentRules : [];
    const gated = rules.filter((r) => str(r.category) !== 'necessary');
    const view: DocumentView = {
      lang: LANG.test(str(settings.locale)) ? str(settings.locale) : 'en',
      title: siteTitle && siteTitle !== frame.title ? `${frame.title} · ${siteTitle}` : frame.title || siteTitle,
      description: frame.description || str(settings.description),
      canonical: frame.noindex || target.env === 'staging' ? null : canonical,
      noindex: frame.noindex === true || frame.robotsNoindex === true || target.env === 'staging',
      meta: frame.noindex ? [] : this.openGraph(frame, ctx, canonical, canonicalBase),
      css: [BASE_CSS, themeCss(design?.theme ?? null), ...(design?.stylesheets ?? [])]
        .map(cssForStyleElement)
        .join('\n'),
      scripts: scriptSources(
        rules.filter((r) => str(r.category) === 'necessary'),
        target.base,
      ).map((s) => s.src),
      gatedScripts: scriptSources(gated, target.base),
      banner: target.env === 'staging' ? `Staging preview · version ${target.stagingVersion ?? 0}` : null,
      approval:
        target.env === 'staging' && target.approval && (frame.kind === 'page' || frame.kind === 'post')
          ? target.approval
          : null,
      header,
      footer,
      content,
      popups: frame.chrome && design ? popupsFor(design, frame.path).map((p) => popupView(p.key, p.body, ctx)) : [],
      consent: gated.length ? { texts: bannerTexts(gated) } : null,
      configJson: jsonForScript({
        base: target.base,
        path: frame.path,
        consentRequired: gated.length > 0,
        track: frame.chrome,
      }),
      clientScript: frame.chrome ? CLIENT_SCRIPT : '',
      bodyClass: `env-${target.env} kind-${frame.kind}`,
    };
    return {
      html: this.eta.render('@document', view),
      contentSecurityPolicy: contentSecurityPolicy({
        inlineScripts: view.clientScript ? [view.clientScript] : [],
        inlineStyles: [view.css],
        scriptUrls: [...view.scripts, ...view.gatedScripts.map((s) => s.src)],
        customCode: ctx.trustedCustomCode && (frame.hasHtmlBlock === true || hasHtml(header) || hasHtml(footer)),
      }),
    };
  }

  private openGraph(
    frame: Frame,
    ctx: ViewContext,
    canonical: string | null,
    canonicalBase: string,
  ): { property: string; content: string }[] {
    const settings = ctx.design.settings;
    const meta = [
      { property: 'og:title', content: frame.title || str(settings.title) },
      { property: 'og:type', content: frame.kind === 'post' ? 'article' : 'website' },
    ];
    const description = frame.description || str(settings.description);
    if (description) meta.push({ property: 'og:description', content: description });
    if (canonical) meta.push({ property: 'og:url', content: canonical });
    if (str(settings.title)) meta.push({ property: 'og:site_name', content: str(settings.title) });
    const imageKey = str(frame.ogImage) || str(settings.ogImage);
    const media = ctx.assets.media.get(imageKey);
    if (media && typeof media.sha256 === 'string') {
      // Open Graph wants an absolute URL: the canonical domain when the site names one.
      const path = mediaUrl(canonicalBase ? '' : ctx.base, imageKey, media.sha256);
      meta.push({ property: 'og:image', content: canonicalBase + path });
    }
    return meta;
  }
}

const EMPTY_DESIGN: SiteDesign = {
  settings: {},
  theme: null,
  stylesheets: [],
  layouts: new Map(),
  components: new Map(),
  popups: [],
  consentRules: [],
};

function hasHtml(blocks: readonly BlockView[]): boolean {
  return blocks.some((b) => b.kind === 'html');
}

function bannerTexts(rules: SiteDesign['consentRules']): string[] {
  const texts = rules.map((r) => str(r.bannerText)).filter((t) => t.trim() !== '');
  return texts.length
    ? [...new Set(texts)]
    : ['This site uses cookies and similar technologies only with your consent.'];
}

function scriptSources(rules: SiteDesign['consentRules'], base: string): { src: string; category: string }[] {
  const out: { src: string; category: string }[] = [];
  for (const rule of rules)
    for (const script of Array.isArray(rule.scripts) ? rule.scripts : []) {
      const src = safeHref(script?.src, base);
      if (src) out.push({ src, category: str(script.category) || str(rule.category) || 'other' });
    }
  return out;
}

function postMeta(post: PostBody): { author: string; date: string; datetime: string; tags: string[] } {
  const published = typeof post.publishedAt === 'string' ? new Date(post.publishedAt) : null;
  const valid = published !== null && !Number.isNaN(published.getTime());
  return {
    author: str(post.author),
    date: valid ? published.toISOString().slice(0, 10) : '',
    datetime: valid ? published.toISOString() : '',
    tags: Array.isArray(post.tags) ? post.tags.map(str).filter(Boolean) : [],
  };
}
