import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { adminToken, auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { breakGlass } from './public-content';
import { stagingClient } from './staging';

const page = (text: string) => ({ title: 'Home', path: '/', blocks: [{ id: 't', type: 'text', text }] });
const hour = 3600_000;

describe('release gates: approvals and freeze windows', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  /** A site with a published home page on staging, requiring `required` approvals. */
  async function gatedSite(prefix: string, settings: Record<string, unknown> = {}) {
    const site = await createSite(app, prefix);
    const staging = stagingClient(app, site);
    await staging.put('page', 'home', page('First'));
    await staging.publish('page', 'home');
    if (Object.keys(settings).length) await settle(site, settings).expect(200);
    return { site, staging };
  }
  const settle = (site: TestSite, body: object, token = site.tokens.owner) =>
    http().patch(`/api/sites/${site.slug}`).set(auth(token)).send(body);
  const approve = (site: TestSite, fingerprint: string, token: string, comment?: string) =>
    http()
      .post(`/api/sites/${site.slug}/promotion/approvals`)
      .set(auth(token))
      .send({ fingerprint, ...(comment ? { comment } : {}) });
  const approvals = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}/promotion/approvals`).set(auth(site.tokens.reviewer)).expect(200)).body;
  const audit = async (site: TestSite, action: string) =>
    (
      await http().get(`/api/sites/${site.slug}/audit?limit=100`).set(auth(site.tokens.owner)).expect(200)
    ).body.items.filter((e: { action: string }) => e.action === action);

  describe('approvals', () => {
    it('keeps requiredApprovals as an owner setting, 0 by default, shown on the site', async () => {
      const site = await createSite(app, 'gate-setting');
      expect(
        (await http().get(`/api/sites/${site.slug}`).set(auth(site.tokens.reviewer)).expect(200)).body,
      ).toMatchObject({
        requiredApprovals: 0,
        freezeWindows: [],
        trustedCustomCode: false,
      });
      expect((await settle(site, { requiredApprovals: 2 }, site.tokens.editor).expect(403)).body.error.code).toBe(
        'forbidden',
      );
      for (const bad of [6, -1, 1.5, '2', null])
        expect((await settle(site, { requiredApprovals: bad }).expect(400)).body.error.details[0].path).toBe(
          'body.requiredApprovals',
        );
      expect((await settle(site, {}).expect(400)).body.error.code).toBe('validation_failed');
      const { body } = await settle(site, { requiredApprovals: 2 }).expect(200);
      expect(body).toMatchObject({ requiredApprovals: 2, trustedCustomCode: false });
      expect((await audit(site, 'site.updated'))[0].details).toEqual({ requiredApprovals: { from: 0, to: 2 } });
    });

    it('refuses a promotion without enough approvals, then allows it; each approval is audited', async () => {
      const { site, staging } = await gatedSite('gate-required', { requiredApprovals: 2 });
      const { fingerprint } = await staging.preview();
      const refused = await staging.promote(fingerprint).expect(409);
      expect(refused.body.error.code).toBe('approval_required');
      expect(refused.body.error.details).toEqual([{ required: 2, counted: 0, approvals: [] }]);

      const { body: first } = await approve(site, fingerprint, site.tokens.reviewer, 'Looks good').expect(201);
      expect(first).toMatchObject({
        fingerprint,
        current: true,
        approver: { kind: 'token', role: 'reviewer', label: 'reviewer', tokenId: expect.any(String) },
        staging: { version: 1 },
        production: { version: 0 },
        comment: 'Looks good',
      });
      const stillShort = await staging.promote(fingerprint).expect(409);
      expect(stillShort.body.error.details[0]).toMatchObject({ required: 2, counted: 1 });
      expect(stillShort.body.error.details[0].approvals).toMatchObject([{ id: first.id, counts: true }]);

      await approve(site, fingerprint, site.tokens.owner).expect(201);
      const { body: job } = await staging.promote(fingerprint).expect(202);
      await staging.waitForJob(job.id);
      expect((await audit(site, 'approval.created')).map((e: any) => [e.actor, e.details.fingerprint])).toEqual([
        [expect.stringMatching(/^token:/), fingerprint],
        [expect.stringMatching(/^token:/), fingerprint],
      ]);
      const [requested] = await audit(site, 'promotion.requested');
      expect(requested.details.approvals).toHaveLength(2);
    });

    it('does not count the approval of whoever starts the promotion (four-eyes), the admin included', async () => {
      const { site, staging } = await gatedSite('gate-four-eyes', { requiredApprovals: 1 });
      const { fingerprint } = await staging.preview();
      const { body: own } = await approve(site, fingerprint, site.tokens.editor).expect(201);
      // Approving twice is the same approval, audited once.
      expect((await approve(site, fingerprint, site.tokens.editor, 'again').expect(201)).body).toEqual(own);
      expect(await audit(site, 'approval.created')).toHaveLength(1);

      const refused = await staging.promote(fingerprint).expect(409);
      expect(refused.body.error.code).toBe('approval_required');
      expect(refused.body.error.message).toContain('your own does not count');
      expect(refused.body.error.details[0]).toMatchObject({
        required: 1,
        counted: 0,
        approvals: [{ id: own.id, counts: false }],
      });

      await approve(site, fingerprint, adminToken()).expect(201);
      const list = await approvals(site);
      expect(list.items.map((a: any) => a.approver.kind).sort()).toEqual(['admin', 'token']);
      // The admin's own approval does not count for the admin; the editor's does.
      expect((await staging.promote(fingerprint, {}, adminToken()).expect(202)).body.id).toBeDefined();
    });

    it('makes approvals stale when staging changes, and says which version each was for', async () => {
      const { site, staging } = await gatedSite('gate-stale-staging', { requiredApprovals: 1 });
      const before = await staging.preview();
      await approve(site, before.fingerprint, site.tokens.reviewer).expect(201);
      await staging.put('page', 'home', page('Second'));
      await staging.publish('page', 'home');
      const after = await staging.preview();
      expect(after.fingerprint).not.toBe(before.fingerprint);

      const list = await approvals(site);
      expect(list).toMatchObject({ requiredApprovals: 1, fingerprint: after.fingerprint, staging: { version: 2 } });
      expect(list.items).toMatchObject([{ fingerprint: before.fingerprint, current: false, staging: { version: 1 } }]);

      const stale = await approve(site, before.fingerprint, site.tokens.owner).expect(409);
      expect(stale.body.error.code).toBe('stale_preview');
      expect(stale.body.error.details[0]).toMatchObject({ fingerprint: after.fingerprint, staging: { version: 2 } });
      expect((await staging.promote(after.fingerprint).expect(409)).body.error.details[0]).toMatchObject({
        required: 1,
        counted: 0,
      });
      await approve(site, after.fingerprint, site.tokens.reviewer).expect(201);
      await staging.promote(after.fingerprint).expect(202);
    });

    it('makes approvals stale when production changes (a break-glass write)', async () => {
      const { site, staging } = await gatedSite('gate-stale-production', { requiredApprovals: 1 });
      const before = await staging.preview();
      await approve(site, before.fingerprint, site.tokens.reviewer).expect(201);
      await breakGlass(app, site, 'popup', 'hotfix', { title: 'Hot fix' });
      const after = await staging.preview();
      expect(after.fingerprint).not.toBe(before.fingerprint);
      expect((await approvals(site)).items).toMatchObject([{ current: false, production: { version: 0 } }]);
      // The hot fix is drift too: acknowledged here, so the approval is what the promotion lacks.
      const refused = await staging.promote(after.fingerprint, { acknowledgeDrift: true }).expect(409);
      expect(refused.body.error.code).toBe('approval_required');
    });

    it('refuses bad approval bodies and other sites', async () => {
      const { site, staging } = await gatedSite('gate-bad-approval');
      const other = await createSite(app, 'gate-other');
      const { fingerprint } = await staging.preview();
      for (const body of [
        {},
        { fingerprint: 'c1' },
        { fingerprint, comment: 'x'.repeat(1001) },
        { fingerprint, extra: 1 },
      ])
        expect(
          (
            await http()
              .post(`/api/sites/${site.slug}/promotion/approvals`)
              .set(auth(site.tokens.editor))
              .send(body)
              .expect(400)
          ).body.error.code,
        ).toBe('validation_failed');
      await approve(site, fingerprint, other.tokens.owner).expect(403);
      expect((await approvals(site)).items).toEqual([]);
    });
  });

  describe('approving from a review link', () => {
    async function reviewLink(site: TestSite, label = 'Client') {
      const { body: link } = await http()
        .post(`/api/sites/${site.slug}/review-links`)
        .set(auth(site.tokens.editor))
        .send({ expiresInHours: 24, label })
        .expect(201);
      const first = await http().get(link.url).expect(303);
      const cookie = (first.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('promote_review='))!;
      return { id: link.id as string, cookie: cookie.split(';')[0] };
    }
    const post = (site: TestSite, cookie: string, body: string | object, origin = 'same') => {
      let req = http().post(`/preview/${site.slug}/approvals`).set('Cookie', cookie);
      if (origin === 'same') req = req.set('Sec-Fetch-Site', 'same-origin');
      else if (origin) req = req.set('Origin', origin);
      return typeof body === 'string' ? req.type('form').send(body) : req.set('Accept', 'application/json').send(body);
    };

    it('shows the client "Approve this version" bound to the fingerprint on the page, and records it', async () => {
      const { site, staging } = await gatedSite('gate-link', { requiredApprovals: 1 });
      const { fingerprint } = await staging.preview();
      const link = await reviewLink(site);
      const home = await http().get(`/preview/${site.slug}/`).set('Cookie', link.cookie).expect(200);
      expect(home.text).toContain(`<input type="hidden" name="fingerprint" value="${fingerprint}">`);
      expect(home.text).toContain(`action="/preview/${site.slug}/approvals"`);
      expect(home.headers['content-security-policy']).toContain("form-action 'self'");
      // An editor looking through a token (the console's previews) gets no form.
      const viaToken = await http().get(`/preview/${site.slug}/`).set(auth(site.tokens.editor)).expect(200);
      expect(viaToken.text).not.toContain('Approve this version');

      const name = '<img src=x onerror=alert(1)> Ann';
      const form = `fingerprint=${encodeURIComponent(fingerprint)}&name=${encodeURIComponent(name)}&comment=${encodeURIComponent('Ship it')}`;
      const thanks = await post(site, link.cookie, form).expect(200);
      expect(thanks.headers['content-type']).toMatch(/text\/html/);
      expect(thanks.headers['content-security-policy']).toContain("default-src 'none'");
      expect(thanks.text).toContain(
        '&lt;img src=x onerror=alert(1)&gt; Ann, your approval of staging version 1 is recorded.',
      );
      expect(thanks.text).not.toContain('<img src=x');

      const [approval] = (await approvals(site)).items;
      expect(approval).toMatchObject({
        fingerprint,
        current: true,
        approver: { kind: 'review_link', reviewLinkId: link.id, label: 'Client', name },
        comment: 'Ship it',
      });
      const [entry] = await audit(site, 'approval.created');
      expect(entry).toMatchObject({ actor: `review_link:${link.id}`, actorRole: 'review_link', subject: approval.id });
      // The link is one principal: approving again under another name is the same approval.
      const again = await post(site, link.cookie, { fingerprint, name: 'Bob' }).expect(201);
      expect(again.body.id).toBe(approval.id);
      // The client's approval counts for any editor's promotion.
      await staging.promote(fingerprint).expect(202);
    });

    it('refuses approvals from other origins, without a review link, stale or malformed', async () => {
      const { site, staging } = await gatedSite('gate-link-refusals');
      const { fingerprint } = await staging.preview();
      const link = await reviewLink(site);
      const body = { fingerprint, name: 'Ann' };
      for (const origin of ['http://evil.example', 'null', ''])
        expect((await post(site, link.cookie, body, origin).expect(403)).body.error.code).toBe('forbidden');
      const crossSite = await http()
        .post(`/preview/${site.slug}/approvals`)
        .set('Cookie', link.cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .set('Origin', 'http://127.0.0.1')
        .send(body)
        .expect(403);
      expect(crossSite.body.error.code).toBe('forbidden');
      // With a token rather than a review link: the API is the way.
      await http()
        .post(`/preview/${site.slug}/approvals`)
        .set(auth(site.tokens.reviewer))
        .set('Sec-Fetch-Site', 'same-origin')
        .send(body)
        .expect(403);
      await http().post(`/preview/${site.slug}/approvals`).set('Sec-Fetch-Site', 'same-origin').send(body).expect(401);
      // Another site: form posts are limited per site (and IP), like form posts.
      const other = await gatedSite('gate-link-bodies');
      const otherLink = await reviewLink(other.site);
      for (const bad of [
        { fingerprint },
        { fingerprint, name: '   ' },
        { fingerprint, name: 'x'.repeat(101) },
        { ...body, extra: 1 },
      ])
        expect((await post(other.site, otherLink.cookie, bad).expect(400)).body.error.code).toBe('validation_failed');

      await staging.put('page', 'home', page('Changed meanwhile'));
      await staging.publish('page', 'home');
      const stale = await post(site, link.cookie, `fingerprint=${fingerprint}&name=Ann`).expect(409);
      expect(stale.text).toContain('Staging or production changed since this preview');
      expect((await approvals(site)).items).toEqual([]);
      // Production serves no approvals.
      await http().post(`/sites/${site.slug}/approvals`).set('Sec-Fetch-Site', 'same-origin').send(body).expect(404);
    });
  });

  describe('freeze windows', () => {
    const frozenNow = (reason = 'Black Friday') => ({
      start: new Date(Date.now() - hour).toISOString(),
      end: new Date(Date.now() + hour).toISOString(),
      reason,
    });

    it('refuses a promotion inside a window, naming it; an owner overrides with a reason, audited', async () => {
      const { site, staging } = await gatedSite('gate-freeze');
      const window = frozenNow();
      const { body: updated } = await settle(site, { freezeWindows: [window] }).expect(200);
      expect(updated.freezeWindows).toEqual([window]);
      const { fingerprint } = await staging.preview();

      const refused = await staging.promote(fingerprint).expect(409);
      expect(refused.body.error.code).toBe('promotion_frozen');
      expect(refused.body.error.message).toContain('Black Friday');
      expect(refused.body.error.details).toEqual([{ index: 0, window, endsAt: window.end, frozenUntil: window.end }]);

      const editorOverride = await staging.promote(fingerprint, { override: 'urgent' }).expect(403);
      expect(editorOverride.body.error.code).toBe('forbidden');
      expect(await audit(site, 'promotion.requested')).toEqual([]);

      const { body: job } = await staging
        .promote(fingerprint, { override: 'Fix the checkout' }, site.tokens.owner)
        .expect(202);
      await staging.waitForJob(job.id);
      const [requested] = await audit(site, 'promotion.requested');
      expect(requested.details.freezeOverride).toEqual({
        reason: 'Fix the checkout',
        window: { index: 0, window, endsAt: window.end, frozenUntil: window.end },
      });
    });

    it('freezes weekly windows in their time zone, across midnight too', async () => {
      const { site, staging } = await gatedSite('gate-weekly');
      const now = new Date();
      const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][now.getUTCDay()];
      const yesterday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
        (now.getUTCDay() + 6) % 7
      ];
      // Yesterday 00:01 to 00:00 today is over; today across midnight from 00:00 is not (it ends tomorrow).
      await settle(site, {
        freezeWindows: [
          { weekday: yesterday, from: '00:01', to: '00:00', timeZone: 'UTC', reason: 'over' },
          { weekday, from: '00:00', to: '24:00', timeZone: 'Etc/UTC', reason: 'Weekly release freeze' },
        ],
      }).expect(200);
      const refused = await staging.promote((await staging.preview()).fingerprint).expect(409);
      expect(refused.body.error.details[0]).toMatchObject({ index: 1, window: { reason: 'Weekly release freeze' } });
      const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
      expect(refused.body.error.details[0].endsAt).toBe(tomorrow.toISOString());
      await settle(site, { freezeWindows: [] }).expect(200);
      await staging.promote((await staging.preview()).fingerprint).expect(202);
    });

    it('refuses bad windows with the field named, and writes nothing of a refused change', async () => {
      const site = await createSite(app, 'gate-bad-windows');
      const oneOff = (start: string, end: string, reason = 'r') => ({ start, end, reason });
      const weekly = (extra: object = {}) => ({
        weekday: 'friday',
        from: '18:00',
        to: '06:00',
        timeZone: 'Europe/Berlin',
        reason: 'r',
        ...extra,
      });
      const cases: [unknown[], string][] = [
        [[oneOff('2030-01-02T00:00:00Z', '2030-01-01T00:00:00Z')], 'body.freezeWindows[0].end'],
        [[oneOff('2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z')], 'body.freezeWindows[0].end'],
        [
          [
            oneOff('2030-01-01T00:00:00Z', '2030-01-03T00:00:00Z'),
            weekly(),
            oneOff('2030-01-02T00:00:00Z', '2030-01-04T00:00:00Z'),
          ],
          'body.freezeWindows[2].start',
        ],
        [[weekly({ timeZone: 'Mars/Olympus_Mons' })], 'body.freezeWindows[0].timeZone'],
        [[weekly({ timeZone: 'Europe/Berlin; drop' })], 'body.freezeWindows[0].timeZone'],
        [[weekly({ from: '25:00' })], 'body.freezeWindows[0].from'],
        [[weekly({ from: '24:00' })], 'body.freezeWindows[0].from'],
        [[weekly({ to: '18:00' })], 'body.freezeWindows[0].to'],
        [[weekly({ weekday: 'someday' })], 'body.freezeWindows[0].weekday'],
        [[oneOff('0000-01-01T00:00:00Z', '2030-01-01T00:00:00Z')], 'body.freezeWindows[0].start'],
        [[oneOff('2030-01-01T00:00:00Z', '+275760-09-13T00:00:00Z')], 'body.freezeWindows[0].end'],
        [[oneOff('2030-01-01', '2030-01-02T00:00:00Z')], 'body.freezeWindows[0].start'],
        [[oneOff('2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', 'x'.repeat(201))], 'body.freezeWindows[0].reason'],
        [[oneOff('2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z', '')], 'body.freezeWindows[0].reason'],
        [[{ ...weekly(), start: '2030-01-01T00:00:00Z' }], 'body.freezeWindows[0].start'],
        [Array.from({ length: 51 }, () => weekly()), 'body.freezeWindows'],
      ];
      for (const [freezeWindows, path] of cases) {
        const { body } = await settle(site, { requiredApprovals: 3, freezeWindows }).expect(400);
        expect({ path, code: body.error.code, paths: body.error.details.map((d: { path: string }) => d.path) }).toEqual(
          {
            path,
            code: 'validation_failed',
            paths: [path],
          },
        );
      }
      const { body: unchanged } = await http().get(`/api/sites/${site.slug}`).set(auth(site.tokens.owner)).expect(200);
      expect(unchanged).toMatchObject({ requiredApprovals: 0, freezeWindows: [] });
      expect(await audit(site, 'site.updated')).toEqual([]);

      // Fifty windows, touching one-offs, instants normalised to UTC, and a weekly window across midnight.
      const fifty = [
        oneOff('2030-01-01T01:00:00+01:00', '2030-01-02T00:00:00Z'),
        oneOff('2030-01-02T00:00:00Z', '2030-01-03T00:00:00Z'),
        ...Array.from({ length: 48 }, () => weekly()),
      ];
      const { body: saved } = await settle(site, { freezeWindows: fifty }).expect(200);
      expect(saved.freezeWindows).toHaveLength(50);
      expect(saved.freezeWindows[0]).toEqual(oneOff('2030-01-01T00:00:00.000Z', '2030-01-02T00:00:00.000Z'));
    });
  });
});
