import type { CommandContext } from '../context';
import { requests } from '../requests';
import { runJobCommand } from './job-command';

/** Puts production back to the state it had before that promotion, as a restore job (version + 1). */
export async function undo(ctx: CommandContext, site: string, promotionId: string, flags: { wait?: boolean }) {
  await runJobCommand(ctx, requests.undo(site, promotionId), flags.wait ?? false);
}
