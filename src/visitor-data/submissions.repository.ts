import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnvName } from '../sites/site.types';

export interface SubmissionRow {
  id: string;
  form: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

const COLUMNS = `id::text, form_key as form, data, created_at as "createdAt"`;

@Injectable()
export class SubmissionsRepository {
  async insert(
    tx: EntityManager,
    values: {
      siteId: string;
      env: EnvName;
      form: string;
      data: Record<string, unknown>;
      sessionId: string | null;
    },
  ): Promise<SubmissionRow> {
    const [row] = await tx.query(
      `insert into form_submissions (site_id, env, form_key, data, session_id) values ($1, $2, $3, $4, $5)
       returning ${COLUMNS}`,
      [values.siteId, values.env, values.form, JSON.stringify(values.data), values.sessionId],
    );
    return row;
  }

  /**
   * Newest first, keyset-paginated on id so pages stay stable while visitors keep submitting. The order names
   * the table's column: a bare `id` would be the selected text alias and sort "15" before "2".
   */
  list(
    tx: EntityManager,
    siteId: string,
    env: EnvName,
    filter: { form?: string; beforeId?: string; limit: number },
  ): Promise<SubmissionRow[]> {
    return tx.query(
      `select ${COLUMNS} from form_submissions
       where site_id = $1 and env = $2 and ($3::text is null or form_key = $3) and ($4::bigint is null or id < $4)
       order by form_submissions.id desc limit $5`,
      [siteId, env, filter.form ?? null, filter.beforeId ?? null, filter.limit],
    );
  }
}
