// What may be uploaded: images, video, audio, PDF and fonts. SVG is left out on purpose: served from the
// site's own origin, an SVG can run script.
const ALLOWED = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'video/mp4',
  'video/webm',
  'video/ogg',
  'video/quicktime',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'audio/aac',
  'audio/flac',
  'audio/mp4',
  'application/pdf',
  'font/woff',
  'font/woff2',
  'font/ttf',
  'font/otf',
]);

export const ALLOWED_MEDIA_TYPES: readonly string[] = [...ALLOWED];

/** The allow-listed type a declared one names (case and parameters ignored), or null when it is not allowed. */
export function allowedMediaType(declared: string): string | null {
  const essence = declared.toLowerCase().split(';')[0].trim();
  return ALLOWED.has(essence) ? essence : null;
}
