import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecomputeFormIntegrationRefs1764000002200 implements MigrationInterface {
  name = 'RecomputeFormIntegrationRefs1764000002200';

  async up(q: QueryRunner): Promise<void> {
    // A form's `integrations` became references (a selective promotion brings them along, and they must resolve):
    // forms stored with the field get them added to their refs, as referenceKeys now finds them (string keys only).
    await q.query(
      `update revisions r set refs = coalesce(r.refs, '[]'::jsonb) || added.refs
       from (
         select id, jsonb_agg(distinct jsonb_build_object('type', 'integration', 'key', k.value #>> '{}')) as refs
         from revisions cross join lateral jsonb_array_elements(body->'integrations') k
         where type = 'form' and jsonb_typeof(body->'integrations') = 'array'
           and jsonb_typeof(k.value) = 'string' and k.value #>> '{}' <> ''
         group by id
       ) added
       where r.id = added.id and r.refs is not null`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: refs are derived data, and a form's extra references are harmless to older code.
  }
}
