import { Injectable } from '@nestjs/common';
import type { FormBody } from '../../libs/content-model';
import { checkSubmission } from '../../libs/site-renderer';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { bigintCursor, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';
import type { EnvName, Site } from '../sites/site.types';
import { type SubmissionRow, SubmissionsRepository } from './submissions.repository';
import { assertMayRead } from './visitor-data-access';

export type SubmitResult = { stored: true; submission: SubmissionRow } | { stored: false };

/** Form submissions: checked against the form's fields, stored per environment, never promoted. */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly submissions: SubmissionsRepository,
  ) {}

  /**
   * Stores a submission once it passes the form's checks (400 listing every problem otherwise). A filled
   * honeypot is answered like a success and stored nowhere, so a bot learns nothing.
   */
  async submit(
    target: { siteId: string; env: EnvName },
    formKey: string,
    form: FormBody,
    input: unknown,
    sessionId: string | null,
  ): Promise<SubmitResult> {
    const checked = checkSubmission(form, input);
    if (checked.kind === 'spam') return { stored: false };
    if (checked.kind === 'invalid')
      throw new AppError('validation_failed', 'The form is not filled in correctly.', checked.errors);
    const submission = await this.submissions.insert(this.transactions.autocommit, {
      ...target,
      form: formKey,
      data: checked.data,
      sessionId,
    });
    return { stored: true, submission };
  }

  async list(
    site: Site,
    env: EnvName,
    principal: Principal,
    query: { form?: string; cursor?: string; limit: number },
  ): Promise<{ items: SubmissionRow[]; nextCursor: string | null }> {
    assertMayRead(principal, env);
    const items = await this.submissions.list(this.transactions.autocommit, site.id, env, {
      form: query.form,
      beforeId: decodeCursor(bigintCursor, query.cursor),
      limit: query.limit + 1,
    });
    return keysetPage(items, query.limit, bigintCursor, (submission) => submission.id);
  }
}
