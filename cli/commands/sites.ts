import type { CommandContext } from '../context';
import { sitesText } from '../format';
import { requests } from '../requests';
import type { Page, Site } from '../types';

/** Every site the token sees (a site token: its own), all pages of the list. */
export async function sites(ctx: CommandContext): Promise<void> {
  const client = await ctx.client();
  const items: Site[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Site> = await client.send<Page<Site>>(requests.sites(cursor));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  ctx.print(sitesText(items), { items });
}
