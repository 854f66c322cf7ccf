import type { CommandContext } from '../context';
import { launchChecksRefusal } from '../launch-checks';
import { Refusal } from '../outcome';
import { type PromoteOptions, requests } from '../requests';
import { type SelectionFlags, selectionOf } from '../selection';
import type { Preview } from '../types';
import { runJobCommand } from './job-command';

export interface PromoteFlags extends Omit<PromoteOptions, 'selection'>, SelectionFlags {
  fingerprint?: string;
  wait?: boolean;
}

/**
 * Promotes what was reviewed: the `--fingerprint` a preview gave (a pipeline's review step), else the current
 * preview's, in which case an empty diff is refused here rather than promoted as a version with no change.
 */
export async function promote(ctx: CommandContext, site: string, flags: PromoteFlags): Promise<void> {
  const client = await ctx.client();
  const selection = selectionOf(flags);
  let fingerprint = flags.fingerprint;
  if (!fingerprint) {
    const preview = await client.send<Preview>(requests.preview(site, null, 1, selection));
    const { added, changed, removed } = preview.summary;
    if (!added && !changed && !removed)
      throw new Refusal({
        code: 'nothing_to_promote',
        message: `Production v${preview.production.version} already has staging's content.`,
      });
    fingerprint = preview.fingerprint;
  }
  try {
    await runJobCommand(ctx, requests.promote(site, fingerprint, { ...flags, selection }), flags.wait ?? false);
  } catch (error) {
    if (error instanceof Refusal && error.error.code === 'launch_checks_failed') throw launchChecksRefusal(error);
    throw error;
  }
}
