import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnvName } from '../sites/site.types';

export interface VariableRow {
  name: string;
  value: string;
  secret: boolean;
}

/** Owns environment_variables: each environment's own values, replaced as a set. */
@Injectable()
export class VariablesRepository {
  list(tx: EntityManager, siteId: string, env: EnvName): Promise<VariableRow[]> {
    return tx.query(
      `select name, value, secret from environment_variables where site_id = $1 and env = $2 order by name`,
      [siteId, env],
    );
  }

  /** Replaces an environment's variables in the caller's transaction. */
  async replace(tx: EntityManager, siteId: string, env: EnvName, rows: VariableRow[]): Promise<void> {
    await tx.query(`delete from environment_variables where site_id = $1 and env = $2`, [siteId, env]);
    if (!rows.length) return;
    await tx.query(
      `insert into environment_variables (site_id, env, name, value, secret)
       select $1, $2, name, value, secret from unnest($3::text[], $4::text[], $5::boolean[]) as v(name, value, secret)`,
      [siteId, env, rows.map((r) => r.name), rows.map((r) => r.value), rows.map((r) => r.secret)],
    );
  }
}
