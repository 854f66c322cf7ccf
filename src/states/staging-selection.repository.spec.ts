import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { StatesRepository } from './states.repository';

describe('StatesRepository: a selection of staging over production (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;
  const states = new StatesRepository({ stateDeltas: { maxDepth: 8, maxPercent: 25 } });

  beforeAll(async () => {
    database = await fileDatabase('staging_selection');
    db = database.dataSource;
    rows = new ManifestRows(db);
  });
  afterAll(() => database.close());

  const refs = (revision: string, to: { type: string; key: string }[]) =>
    db.query(`update revisions set refs = $2 where id = $1`, [revision, JSON.stringify(to)]);
  const publish = (siteId: string, type: string, key: string, revision: string, route?: string) =>
    rows.staging(siteId, { type, key, data: revision, published: revision, route });

  /**
   * Production: home (refers to the shared form), shared form, old popup. Staging: home and about changed,
   * about refers to a new form that refers to a new integration; the popup is removed; the shared form is the same.
   */
  async function site() {
    const siteId = await rows.site();
    const [home1, home2, about, shared, contact, crm, popup] = await Promise.all([
      rows.revision('page', { title: 'Home' }),
      rows.revision('page', { title: 'Home 2' }),
      rows.revision('page', { title: 'About' }),
      rows.revision('form', { title: 'Shared' }),
      rows.revision('form', { title: 'Contact' }),
      rows.revision('integration', { kind: 'crm' }),
      rows.revision('popup', { title: 'Old' }),
    ]);
    await refs(home1, [{ type: 'form', key: 'shared' }]);
    await refs(home2, [{ type: 'form', key: 'shared' }]);
    await refs(about, [
      { type: 'form', key: 'contact' },
      { type: 'form', key: 'shared' },
      { type: 'env', key: 'API' },
    ]);
    await refs(contact, [{ type: 'integration', key: 'crm' }]);
    const head = await rows.state(siteId, [
      { type: 'page', key: 'home', revision: home1, version: 4, route: '/' },
      { type: 'form', key: 'shared', revision: shared, version: 1 },
      { type: 'popup', key: 'old', revision: popup, version: 2 },
    ]);
    await publish(siteId, 'page', 'home', home2, '/');
    await publish(siteId, 'page', 'about', about, '/about');
    await publish(siteId, 'form', 'shared', shared);
    await publish(siteId, 'form', 'contact', contact);
    await publish(siteId, 'integration', 'crm', crm);
    return { siteId, head, home1, home2, about, shared, contact, crm, popup };
  }

  it('closes a selected page over what staging has otherwise than production, saying why each came', async () => {
    const { siteId, head } = await site();
    const closure = await states.stagingClosure(db.manager, siteId, head, null, {
      entities: [{ type: 'page', key: 'about' }],
      types: [],
    });
    expect(closure.map((c) => [c.type, c.key, c.requested, c.includedBecause])).toEqual([
      ['form', 'contact', false, { type: 'page', key: 'about' }],
      ['integration', 'crm', false, { type: 'form', key: 'contact' }],
      ['page', 'about', true, null],
    ]);
    expect(closure.find((c) => c.key === 'about')!.variables).toEqual(['API']);
  });

  it('builds production with the closure of the selection and nothing else', async () => {
    const { siteId, head, home1, shared, contact, crm, about, popup } = await site();
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    const selection = { entities: [{ type: 'page', key: 'about' }], types: [] };
    expect(await states.fillWithStagingSelection(db.manager, id, siteId, head, selection)).toBe(6);
    expect(await rows.entriesOf(id)).toEqual([
      { type: 'form', key: 'contact', revision: contact, version: 1 },
      { type: 'form', key: 'shared', revision: shared, version: 1 },
      { type: 'integration', key: 'crm', revision: crm, version: 1 },
      { type: 'page', key: 'about', revision: about, version: 1 },
      { type: 'page', key: 'home', revision: home1, version: 4 },
      { type: 'popup', key: 'old', revision: popup, version: 2 },
    ]);
    expect(await states.dangling(db.manager, id, 10)).toEqual([]);
  });

  it('selects every change of a type, removals included', async () => {
    const { siteId, head } = await site();
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    await states.fillWithStagingSelection(db.manager, id, siteId, head, { entities: [], types: ['popup'] });
    expect((await rows.entriesOf(id)).map((e) => `${e.type}/${e.key}`)).toEqual(['form/shared', 'page/home']);
  });

  it('finds what a removal would leave dangling in production, and what a selected entity lacks', async () => {
    const { siteId, head } = await site();
    await db.query(`delete from staging_entries where site_id = $1 and type = 'form' and key = 'shared'`, [siteId]);
    const removal = { entities: [{ type: 'form', key: 'shared' }], types: [] };
    expect(await states.stagingSelectionDangling(db.manager, siteId, head, removal, 10, true)).toEqual([
      { type: 'page', key: 'home', refType: 'form', refKey: 'shared' },
    ]);
    // Staging's about refers to the shared form, which staging no longer has but production does: it stays.
    const about = { entities: [{ type: 'page', key: 'about' }], types: [] };
    expect(await states.stagingSelectionDangling(db.manager, siteId, head, about, 10, false)).toEqual([]);
    const both = { entities: [...about.entities, ...removal.entities], types: [] };
    expect(await states.stagingSelectionDangling(db.manager, siteId, head, both, 10, true)).toEqual([
      { type: 'page', key: 'about', refType: 'form', refKey: 'shared' },
      { type: 'page', key: 'home', refType: 'form', refKey: 'shared' },
    ]);
  });

  it('brings an object type and its fields with a record', async () => {
    const siteId = await rows.site();
    const [type, field, record] = await Promise.all([
      rows.revision('custom_object_type', { name: 'Roast' }),
      rows.revision('custom_field', { objectType: 'roast', name: 'origin' }),
      rows.revision('custom_object', { objectType: 'roast', values: {} }),
    ]);
    await refs(field, [{ type: 'custom_object_type', key: 'roast' }]);
    await refs(record, [{ type: 'custom_object_type', key: 'roast' }]);
    const head = await rows.state(siteId, []);
    await publish(siteId, 'custom_object_type', 'roast', type);
    await publish(siteId, 'custom_field', 'origin', field);
    await publish(siteId, 'custom_object', 'ethiopia', record);
    const closure = await states.stagingClosure(db.manager, siteId, head, null, {
      entities: [{ type: 'custom_object', key: 'ethiopia' }],
      types: [],
    });
    expect(closure.map((c) => [c.type, c.key, c.includedBecause])).toEqual([
      ['custom_field', 'origin', { type: 'custom_object_type', key: 'roast' }],
      ['custom_object', 'ethiopia', null],
      ['custom_object_type', 'roast', { type: 'custom_object', key: 'ethiopia' }],
    ]);
  });
});
