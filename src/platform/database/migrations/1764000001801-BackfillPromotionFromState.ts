import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BackfillPromotionFromState1764000001801 implements MigrationInterface {
  name = 'BackfillPromotionFromState1764000001801';

  async up(q: QueryRunner): Promise<void> {
    // Undo needs the state a promotion swapped away from. Promotions now record it as result.fromStateId; for
    // the earlier ones it is the head named by their fingerprint ("c<seq>-h<state>"), which the swap compared.
    await q.query(
      `update jobs set result = result || jsonb_build_object('fromStateId', (regexp_match(params->>'fingerprint', '-h(\\d+)$'))[1]::bigint)
       where kind = 'promotion' and status = 'succeeded' and not result ? 'fromStateId'
         and params->>'fingerprint' ~ '-h\\d+$'`,
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: the key is extra information on finished jobs, and the code reads it when present.
  }
}
