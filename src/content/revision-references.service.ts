import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { referenceKeys } from '../../libs/content-model';
import { RevisionsRepository } from './revisions.repository';

// Revisions whose references are computed per statement: bounded memory however many a bulk path wrote.
const BATCH = 500;

/**
 * What each revision of staging's promotable manifest refers to (entities and environment variables), kept on
 * the revision. Single writes store it as they write; bodies written by bulk paths get it here, once.
 */
@Injectable()
export class RevisionReferences {
  constructor(private readonly revisions: RevisionsRepository) {}

  async computeMissing(tx: EntityManager, siteId: string): Promise<void> {
    for (let batch; (batch = await this.revisions.revisionsWithoutRefs(tx, siteId, BATCH)).length;)
      await this.revisions.setRefs(
        tx,
        batch.map((r) => ({ id: r.id, refs: referenceKeys(r.type, r.body) })),
      );
  }
}
