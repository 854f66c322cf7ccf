import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, TestSite } from './factories';

interface AuditItem {
  id: string;
  action: string;
  subject: string | null;
  requestId: string | null;
}

describe('the audit log', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'audit');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  const walk = async (limit?: number): Promise<{ items: AuditItem[]; pages: number }> => {
    const items: AuditItem[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams();
      if (limit) query.set('limit', String(limit));
      if (cursor) query.set('cursor', cursor);
      const { body } = await http()
        .get(`/api/sites/${site.slug}/audit?${query}`)
        .set(auth(site.tokens.editor))
        .expect(200);
      expect(body.items.length).toBeLessThanOrEqual(limit ?? 50);
      if (body.nextCursor) expect(body.items.length).toBe(limit ?? 50);
      items.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    return { items, pages };
  };

  it('pages through more entries than a page holds, newest first, each once', async () => {
    const writes = 57;
    for (let i = 0; i < writes; i++)
      await http()
        .put(`/api/sites/${site.slug}/staging/content/popup/note-${i}`)
        .set(auth(site.tokens.editor))
        .set('X-Request-Id', `audit-${i}`)
        .send({ data: { title: `Note ${i}` } })
        .expect(201);

    const expected = Array.from({ length: writes }, (_, i) => `audit-${writes - 1 - i}`);
    for (const limit of [7, 50, undefined]) {
      const { items, pages } = await walk(limit);
      // Creating the site and its three tokens were audited first, so they come last.
      expect(items.slice(0, writes).map((e) => e.requestId)).toEqual(expected);
      expect(items.slice(writes).map((e) => e.action)).toEqual([
        'token.created',
        'token.created',
        'token.created',
        'site.created',
      ]);
      const ids = items.map((e) => BigInt(e.id));
      expect(ids.every((id, i) => i === 0 || id < ids[i - 1])).toBe(true);
      expect(pages).toBe(Math.ceil(items.length / (limit ?? 50)));
    }
    expect((await walk(7)).items[0]).toMatchObject({
      action: 'content.created',
      subject: 'staging/popup/note-56',
    });
  });

  it('refuses a cursor it did not give instead of starting over', async () => {
    for (const cursor of ['abc', '-1', '1'.repeat(30)]) {
      const { body } = await http()
        .get(`/api/sites/${site.slug}/audit?cursor=${cursor}`)
        .set(auth(site.tokens.owner))
        .expect(400);
      expect(body.error.details).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
    }
  });

  it('lets owners and editors read it, not reviewers', async () => {
    await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.owner)).expect(200);
    const { body } = await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.reviewer)).expect(403);
    expect(body.error.code).toBe('forbidden');
  });
});
