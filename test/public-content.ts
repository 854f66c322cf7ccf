import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MediaStore } from '../libs/media-storage';
import { RevisionsRepository } from '../src/content/revisions.repository';
import { MEDIA_STORE } from '../src/media/media.tokens';
import { StatesRepository } from '../src/states/states.repository';
import { auth } from './app';
import type { TestSite } from './factories';

/** Production content for public-site tests, written as an owner's audited break-glass change. */
export async function breakGlass(app: INestApplication, site: TestSite, type: string, key: string, data: unknown) {
  const response = await request(app.getHttpServer())
    .put(`/api/sites/${site.slug}/production/content/${type}/${key}`)
    .set(auth(site.tokens.owner))
    .set('X-Break-Glass', 'test setup')
    .send({ data });
  if (response.status !== 200 && response.status !== 201)
    throw new Error(`break-glass ${type}/${key} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * A media file in production without the promotion engine: bytes into production's bucket, then a new head
 * state with the media entity (what a promotion does, in the test's own few steps).
 */
export async function productionMedia(
  app: INestApplication,
  site: TestSite,
  key: string,
  bytes: Buffer,
  contentType = 'image/png',
): Promise<{ sha256: string }> {
  const store = app.get<MediaStore>(MEDIA_STORE);
  const { sha256, size } = await store.putStream('production', Readable.from([bytes]), {
    contentType,
    maxBytes: 10 * 1024 * 1024,
  });
  const states = app.get(StatesRepository);
  const revisions = app.get(RevisionsRepository);
  await app.get(DataSource).transaction(async (tx) => {
    const [{ head }] = await tx.query(
      `select head_state_id::int as head from environments where site_id = $1 and name = 'production' for update`,
      [site.id],
    );
    const revision = await revisions.upsert(tx, 'media', { sha256, size, contentType });
    const state = await states.create(tx, site.id, 'break_glass', randomUUID());
    await states.fillWithOneChange(tx, state.id, head, { type: 'media', key, revisionId: revision.id, route: null });
    await states.swapHead(tx, site.id, head, state.id);
  });
  return { sha256 };
}
