import sanitizeHtml from 'sanitize-html';

// Formatting, links, images and tables; no script, no event handler, no style (the page's CSP allows only the
// renderer's own styles), no id (it could shadow the renderer's #promote-config), no frames or forms.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'rel', 'title'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    '*': ['class', 'lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
};

/**
 * The markup of an html block as the page will carry it: as written when the site's owner trusts the site's
 * custom code, otherwise sanitised down to inert formatting.
 */
export function htmlBlockMarkup(html: string, trusted: boolean): string {
  return trusted ? html : sanitizeHtml(html, SANITIZE);
}
