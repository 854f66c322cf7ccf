import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { CONTENT_LOCK_KEY } from './content-lock';

export interface TransactionOptions {
  /**
   * Every transaction that may reference an existing revision or media blob holds the content lock shared;
   * the garbage collector holds it exclusive while it decides what is unreferenced.
   */
  contentLock?: 'shared' | 'exclusive';
  isolation?: IsolationLevel;
}

/**
 * The one door to a database transaction (in the spirit of Vendure's TransactionalConnection): callers say
 * what they need and the door takes it, so no call site has to remember the content lock.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /** Statements outside any transaction, each committing on its own. */
  get autocommit(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(options: TransactionOptions, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(options.isolation ?? 'READ COMMITTED', async (tx) => {
      if (options.contentLock === 'shared')
        await tx.query('select pg_advisory_xact_lock_shared($1)', [CONTENT_LOCK_KEY]);
      if (options.contentLock === 'exclusive') await tx.query('select pg_advisory_xact_lock($1)', [CONTENT_LOCK_KEY]);
      return work(tx);
    });
  }
}
