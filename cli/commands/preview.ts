import type { ApiClient } from '../api-client';
import type { CommandContext } from '../context';
import { previewText } from '../format';
import { Refusal } from '../outcome';
import { requests } from '../requests';
import { type Selection, type SelectionFlags, selectionOf } from '../selection';
import type { Preview } from '../types';

/** The whole diff: every page of changes under the first page's fingerprint and summary. */
export async function fullPreview(client: ApiClient, site: string, selection?: Selection): Promise<Preview> {
  const first = await client.send<Preview>(requests.preview(site, null, undefined, selection));
  const changes = [...first.changes];
  let cursor = first.nextCursor;
  while (cursor) {
    const page: Preview = await client.send<Preview>(requests.preview(site, cursor, undefined, selection));
    if (page.fingerprint !== first.fingerprint)
      throw new Refusal({
        code: 'stale_preview',
        message: 'Staging or production changed while the preview was read: run it again.',
      });
    changes.push(...page.changes);
    cursor = page.nextCursor;
  }
  return { ...first, changes, nextCursor: null };
}

export async function preview(ctx: CommandContext, site: string, flags: SelectionFlags = {}): Promise<void> {
  const result = await fullPreview(await ctx.client(), site, selectionOf(flags));
  ctx.print(previewText(result), result);
}
