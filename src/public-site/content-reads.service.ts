import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReadReplica } from '../platform/database/read-replica';
import { Transactions } from '../platform/database/transactions';
import type { ContentSource } from './content-source';
import { PublicContentRepository } from './public-content.repository';

/**
 * Where the public site reads what an environment shows. Production's state content goes to the read
 * replica when there is one; staging's manifest, which changes in place, always to the primary (as do the
 * directory of sites and domains, variables and head_history: mutable, and but for staging cached anyway).
 *
 * Why this never shows a visitor old content after new: which state is production (the head) is not read
 * here but from the primary, through the EnvironmentCache, exactly as without a replica. Only the content of
 * that one state id is read from the replica, and a state never changes once built (it is created and filled
 * in one transaction, which a standby replays whole), so the replica either holds the very rows the primary
 * holds for it or none. An answer with rows proves the state is there; an empty one might mean the replica
 * has not replayed the state yet (just after a swap), so it asks for the state's row on the same connection,
 * and without it reads the primary. Lag can thus only make a read slower, never older. This holds for any
 * query that reaches a state's rows through the state itself (a delta state's base through its own row, not
 * through a base id known from elsewhere, whose rows a lagging replica would have).
 */
@Injectable()
export class ContentReads {
  constructor(
    private readonly transactions: Transactions,
    private readonly replica: ReadReplica,
    private readonly content: PublicContentRepository,
  ) {}

  run<T>(source: ContentSource, read: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (source.kind !== 'state') return read(this.transactions.autocommit);
    return this.replica.read(read, async (result, tx) => !isEmpty(result) || this.content.hasState(tx, source.stateId));
  }
}

function isEmpty(result: unknown): boolean {
  return result === null || (Array.isArray(result) && result.length === 0);
}
