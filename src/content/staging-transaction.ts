import { Injectable } from '@nestjs/common';
import { Transactions } from '../platform/database/transactions';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AppError } from '../platform/errors/app-error';
import type { EnvironmentRow, Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';

/**
 * The one way to change staging's working manifest: every staging write of a site serialises on its
 * environment row (versions never skip or repeat) while holding the content lock shared (the garbage
 * collector cannot remove a revision the write refers to).
 */
@Injectable()
export class StagingTransaction {
  constructor(
    private readonly transactions: Transactions,
    private readonly environments: EnvironmentsService,
  ) {}

  /** `work` gets staging's environment row as locked, before any change of this transaction. */
  async run<T>(site: Site, work: (tx: EntityManager, staging: EnvironmentRow) => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run({ contentLock: 'shared' }, async (tx) => {
        return work(tx, await this.environments.lock(tx, site.id, 'staging'));
      });
    } catch (error) {
      throw routeConflict(error) ?? error;
    }
  }
}

/** The unique route index refused a write: 409 route_taken naming the path, instead of a generic conflict. */
function routeConflict(error: unknown): AppError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const pg = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (pg.code !== '23505' || !pg.constraint?.endsWith('_route')) return null;
  const route = /\(site_id, route\)=\([^,]+, (.*)\)/.exec(pg.detail ?? '')?.[1];
  return new AppError(
    'route_taken',
    `Another published entity already serves the path ${route ?? ''}.`.replace(' .', '.'),
    [{ route }],
  );
}
