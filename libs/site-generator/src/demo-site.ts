import { mediaBytes } from './png';
import type { SiteEntity } from './site-entity';

export interface DemoMedia {
  key: string;
  bytes: Buffer;
  contentType: 'image/png';
  alt: string;
}

const HERO = 'roasted-beans.png';

/**
 * The seed site "Acme Coffee Roasters". `media` is not among `entities`: uploading it (POST …/staging/media)
 * creates its media entity, which the home page's image block then finds. Entities come after what they
 * reference; the pages and the post are meant to be published.
 */
export function demoSite(): { entities: SiteEntity[]; media: DemoMedia[] } {
  const media: DemoMedia[] = [
    { key: HERO, bytes: mediaBytes(0), contentType: 'image/png', alt: 'Freshly roasted coffee beans' },
  ];
  const entities: SiteEntity[] = [
    {
      type: 'theme',
      key: 'default',
      data: {
        colors: { primary: '#6f4e37', accent: '#c8a27a', background: '#fffaf3', text: '#2b1d14' },
        fonts: { heading: 'Georgia, serif', body: 'system-ui, sans-serif' },
      },
    },
    {
      type: 'stylesheet',
      key: 'default',
      data: { css: '.hero { padding: 4rem 0; }\n.hero img { max-width: 100%; border-radius: 8px; }\n' },
    },
    {
      type: 'site_settings',
      key: 'default',
      data: {
        title: 'Acme Coffee Roasters',
        description: 'Small-batch coffee, roasted every Monday in Portland.',
        canonicalBase: 'https://www.acme-coffee.example',
        maintenancePage: { title: 'Back in a moment', message: 'We are updating the site. Please try again soon.' },
      },
    },
    { type: 'component_override', key: 'site-header', data: { component: 'navbar', props: { sticky: true } } },
    { type: 'component_override', key: 'site-footer', data: { component: 'footer', props: { columns: 2 } } },
    {
      type: 'layout',
      key: 'main',
      data: {
        name: 'Main',
        header: [{ id: 'header', type: 'component', component: 'site-header' }],
        footer: [
          { id: 'footer', type: 'component', component: 'site-footer' },
          { id: 'copyright', type: 'text', text: '© Acme Coffee Roasters' },
        ],
      },
    },
    {
      type: 'form',
      key: 'contact',
      data: {
        title: 'Contact us',
        submitLabel: 'Send',
        fields: [
          { name: 'name', type: 'text', label: 'Your name', required: true },
          { name: 'email', type: 'email', label: 'Email', required: true },
          { name: 'message', type: 'textarea', label: 'Message', required: true },
        ],
      },
    },
    page('page', 'home', 'Acme Coffee Roasters', '/', [
      { id: 'welcome', type: 'heading', text: 'Small-batch coffee, roasted every Monday', level: 1 },
      { id: 'hero', type: 'image', media: HERO, alt: 'Freshly roasted coffee beans' },
      { id: 'intro', type: 'text', text: 'We source single-origin beans directly from growers we know by name.' },
    ]),
    page('page', 'about', 'About us', '/about', [
      { id: 'story', type: 'heading', text: 'Our story', level: 1 },
      { id: 'story-text', type: 'text', text: 'Acme started in 2012 with one drum roaster and a lot of curiosity.' },
      { id: 'contact-heading', type: 'heading', text: 'Say hello', level: 2 },
      { id: 'contact-form', type: 'form', form: 'contact' },
    ]),
    page('post', 'first-roast', 'Our first roast of the season', '/blog/first-roast', [
      { id: 'post-title', type: 'heading', text: 'Our first roast of the season', level: 1 },
      { id: 'post-text', type: 'text', text: 'This week we roasted the first Ethiopian lot of the harvest.' },
    ]),
    { type: 'redirect', key: 'old-about', data: { from: '/old-about', to: '/about', status: 301 } },
  ];
  return { entities, media };
}

function page(type: 'page' | 'post', key: string, title: string, path: string, blocks: object[]): SiteEntity {
  return { type, key, data: { title, path, layout: 'main', seo: { title, description: title }, blocks } };
}
