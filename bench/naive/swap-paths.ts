import type { INestApplication } from '@nestjs/common';
import { EnvironmentsService } from '../../src/environments/environments.service';
import { MaintenanceService } from '../../src/maintenance/maintenance.service';
import { Transactions } from '../../src/platform/database/transactions';
import { SiteEventsService } from '../../src/site-events/site-events.service';
import { HeadSwapService, type SwapResult } from '../../src/states/head-swap.service';

const HOLDER = 'job:00000000-0000-0000-0000-00000000b0b0';

/**
 * The head swap two ways on the same site, alternated in the same run: today's HeadSwapService.swap (the lease
 * taken quietly, one autocommitted statement) and the sequence it replaced (issue 16), rebuilt here from the
 * same services: lease taken and announced, the swap in an ORM transaction, the head announced. Each answers
 * the window from the lease taken to the head swapped (the old one also to its closing notification).
 */
export class SwapPaths {
  constructor(private readonly app: INestApplication) {}

  /** A promotion's swap keeps the lease for its post-swap check (ended here, untimed); a restore's ends it. */
  async current(siteId: string, from: number, to: number, holdLease: boolean): Promise<SwapResult> {
    const headSwap = this.app.get(HeadSwapService);
    const swap = await headSwap.swap(siteId, HOLDER.slice(4), from, to, 'bench: swap', { holdLease });
    if (holdLease) await headSwap.releaseLease(siteId, HOLDER.slice(4));
    return swap;
  }

  async before(siteId: string, from: number, to: number): Promise<number[]> {
    const maintenance = this.app.get(MaintenanceService);
    const environments = this.app.get(EnvironmentsService);
    const started = performance.now();
    await maintenance.take(siteId, 'production', { holder: HOLDER, reason: 'bench: swap', ttlSeconds: 5 });
    await this.app.get(Transactions).run({}, async (tx) => {
      const swap = await environments.swapHead(tx, siteId, {
        fromStateId: from,
        toStateId: to,
        releaseLeaseOf: HOLDER,
      });
      if (!swap.swapped) throw new Error('bench swap: the head moved');
    });
    const windowMs = performance.now() - started;
    await this.app.get(SiteEventsService).publish({ siteId, env: 'production', kind: 'head' });
    return [windowMs, performance.now() - started];
  }
}
