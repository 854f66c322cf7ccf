import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, TestSite } from './factories';

describe('GET /api/me', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  const me = (token?: string) => request(app.getHttpServer()).get('/api/me').set(auth(token));
  const newToken = async (role: string, label: string): Promise<{ id: string; token: string }> =>
    (
      await request(app.getHttpServer())
        .post(`/api/sites/${site.slug}/tokens`)
        .set(auth())
        .send({ role, label })
        .expect(201)
    ).body;

  beforeAll(async () => {
    app = await createTestApp({ api: true, worker: false });
    site = await createSite(app, 'me');
  });
  afterAll(() => app.close());

  it('names the platform admin, with no site', async () => {
    const { body } = await me().expect(200);
    expect(body).toEqual({ principal: 'admin', role: 'admin', site: null });
  });

  it.each(['owner', 'editor', 'reviewer'] as const)("gives a %s token's role, site, id and label", async (role) => {
    const { body } = await me(site.tokens[role]).expect(200);
    expect(body).toEqual({
      principal: 'token',
      role,
      site: { id: site.id, slug: site.slug },
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: role,
    });
  });

  it('tells a token apart from another of the same site', async () => {
    const created = await newToken('editor', 'second editor');
    const { body } = await me(created.token).expect(200);
    expect(body).toMatchObject({ tokenId: created.id, label: 'second editor', role: 'editor' });
  });

  it('refuses a revoked token and no token alike', async () => {
    const created = await newToken('reviewer', 'gone');
    await request(app.getHttpServer()).delete(`/api/sites/${site.slug}/tokens/${created.id}`).set(auth()).expect(204);
    expect((await me(created.token).expect(401)).body.error.code).toBe('unauthenticated');
    expect((await request(app.getHttpServer()).get('/api/me').expect(401)).body.error.code).toBe('unauthenticated');
  });
});
