import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecomputeFormIntegrationRefs1764000002200 implements MigrationInterface {
  name = 'RecomputeFormIntegrationRefs1764000002200';

  async up(q: QueryRunner): Promise<void> {
    // A form's `integrations` became references (a selective promotion brings them along, and they must
    // resolve): forms stored with the field get their refs recomputed, lazily, like a bulk import's bodies.
    await q.query(`update revisions set refs = null where type = 'form' and body ? 'integrations'`);
  }

  async down(): Promise<void> {
    // Nothing to undo: refs are derived data, and a recomputed form's extra references are harmless to older code.
  }
}
