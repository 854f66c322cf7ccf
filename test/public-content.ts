import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { auth } from './app';
import type { TestSite } from './factories';
import { stagingClient } from './staging';

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

/** A media file in production the way every one gets there: uploaded to staging, then promoted. */
export async function productionMedia(
  app: INestApplication,
  site: TestSite,
  key: string,
  bytes: Buffer,
): Promise<{ sha256: string }> {
  const client = stagingClient(app, site);
  const { sha256 } = await client.upload(key, bytes);
  await client.promoteAll();
  return { sha256 };
}
