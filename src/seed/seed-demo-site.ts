import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { demoSite } from '../../libs/site-generator';
import type { MediaStore } from '../../libs/media-storage';
import type { Principal } from '../auth/principal';
import { ContentService } from '../content/content.service';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { MediaUploadsService } from '../media/media-uploads.service';
import { SitesService } from '../sites/sites.service';

export const DEMO_SLUG = 'acme-coffee';
const FLAG = 'demo_site_seeded';
const SEEDER: Principal = { kind: 'admin', actor: 'admin', role: 'admin' };

/**
 * Seeds the demo site "Acme Coffee Roasters" into staging once per database (production stays empty at
 * version 0). A flag row, not the site's presence, says it was done: a deleted demo does not come back.
 */
export async function seedDemoSite(app: INestApplicationContext): Promise<string | null> {
  const dataSource = app.get(DataSource);
  const claimed = await dataSource.query(
    `insert into system_flags (key, value) values ($1, 'true') on conflict (key) do nothing returning key`,
    [FLAG],
  );
  if (!claimed.length) {
    if (!(await app.get(SitesService).findBySlugOrId(DEMO_SLUG))) return null;
    await ensureDemoBytes(app.get<MediaStore>(MEDIA_STORE));
    return DEMO_SLUG;
  }
  try {
    await seed(app);
    return DEMO_SLUG;
  } catch (error) {
    // Let the next start try again rather than leave a half-seeded demo marked as done.
    await dataSource.query(`delete from system_flags where key = $1`, [FLAG]);
    new Logger('Seed').error(`Seeding the demo site failed: ${(error as Error).message}`);
    return null;
  }
}

// The database may outlive the folder the embedded S3 keeps its files in (a shared local PostgreSQL and a
// new DATA_DIR): put the demo's image bytes back if they are gone. Identical bytes are stored once anyway.
async function ensureDemoBytes(store: MediaStore): Promise<void> {
  for (const media of demoSite().media) {
    await store.putStream('staging', Readable.from(media.bytes), {
      contentType: media.contentType,
      maxBytes: media.bytes.length,
    });
  }
}

async function seed(app: INestApplicationContext): Promise<void> {
  const sites = app.get(SitesService);
  const content = app.get(ContentService);
  const store = app.get<MediaStore>(MEDIA_STORE);
  const ctx = { principal: SEEDER, requestId: 'seed' };
  const existing = await app.get(SitesService).findBySlugOrId(DEMO_SLUG);
  const site = existing ?? (await sites.create({ slug: DEMO_SLUG, name: 'Acme Coffee Roasters' }, SEEDER, 'seed'));
  const demo = demoSite();
  for (const media of demo.media) {
    const blob = await store.putStream('staging', Readable.from(media.bytes), {
      contentType: media.contentType,
      maxBytes: media.bytes.length,
    });
    const upload = { sha256: blob.sha256, size: blob.size, contentType: media.contentType };
    await app.get(MediaUploadsService).record(site.id, upload);
    await content.put(site, 'media', media.key, { ...upload, alt: media.alt, filename: media.key }, ctx);
  }
  for (const entity of demo.entities) {
    await content.put(site, entity.type, entity.key, entity.data, ctx);
    if (entity.type === 'page' || entity.type === 'post')
      await content.publish(site, entity.type, entity.key, true, ctx);
  }
}
