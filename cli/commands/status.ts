import type { CommandContext } from '../context';
import { statusText } from '../format';
import { requests } from '../requests';
import { FINAL_STATUSES, type Job, type Page, type Site } from '../types';

// Open promotions are the newest ones (one runs at a time, at most one is scheduled): a short page holds them.
const RECENT = 20;

/** The environments' versions, maintenance, the promotions running or scheduled, and the last one that ended. */
export async function status(ctx: CommandContext, slug: string): Promise<void> {
  const client = await ctx.client();
  const [site, promotions] = await Promise.all([
    client.send<Site>(requests.site(slug)),
    client.send<Page<Job>>(requests.promotions(slug, RECENT)),
  ]);
  const open = promotions.items.filter((job) => !FINAL_STATUSES.has(job.status));
  const last = promotions.items.find((job) => FINAL_STATUSES.has(job.status));
  ctx.print(statusText(site, open, last), {
    site,
    openPromotions: open,
    lastPromotion: last ?? null,
  });
}
