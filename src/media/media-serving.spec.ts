import { mediaHeaders } from './media-serving';

describe('mediaHeaders', () => {
  it.each([
    ['image/png', undefined, 'image/png', 'inline'],
    ['IMAGE/WEBP; q=1', undefined, 'image/webp', 'inline'],
    ['video/mp4', undefined, 'video/mp4', 'inline'],
    ['audio/ogg', undefined, 'audio/ogg', 'inline'],
    ['application/pdf', undefined, 'application/pdf', 'attachment'],
    ['application/pdf', true, 'application/pdf', 'inline'],
    ['font/woff2', true, 'font/woff2', 'attachment'],
    ['text/html', true, 'application/octet-stream', 'attachment'],
    ['image/svg+xml', undefined, 'application/octet-stream', 'attachment'],
    ['text/javascript', undefined, 'application/octet-stream', 'attachment'],
  ])('serves %s (inline: %p) as %s, %s', (declared, inline, contentType, contentDisposition) => {
    expect(mediaHeaders({ contentType: declared, inline })).toEqual({ contentType, contentDisposition });
  });

  it('names the file without letting its name add a header', () => {
    expect(mediaHeaders({ contentType: 'application/pdf', filename: 'menu\r\nSet-Cookie: a=b.pdf' })).toEqual({
      contentType: 'application/pdf',
      contentDisposition: 'attachment; filename="menuSet-Cookie: a=b.pdf"',
    });
    expect(mediaHeaders({ contentType: 'image/png', filename: '\u0000' }).contentDisposition).toBe('inline');
  });
});
