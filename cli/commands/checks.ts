import type { CommandContext } from '../context';
import { checksText } from '../format';
import { blockingFailure } from '../launch-checks';
import { requests } from '../requests';
import type { Preview } from '../types';

/**
 * The launch report of promoting staging now. Exits 1 when it has error checks (a promotion would be refused),
 * so a pipeline can gate on it before asking anyone to promote.
 */
export async function checks(ctx: CommandContext, site: string): Promise<void> {
  const preview = await (await ctx.client()).send<Preview>(requests.preview(site, null, 1));
  const report = { fingerprint: preview.fingerprint, checks: preview.checks, checkSummary: preview.checkSummary };
  // With --json the refusal's own JSON (listing the error checks, like the API's 409) is the one document printed.
  if (!preview.checkSummary.error || !ctx.options.json)
    ctx.print(`${checksText(preview)}\nfingerprint ${preview.fingerprint}`, report);
  if (preview.checkSummary.error) throw blockingFailure(preview.checks);
}
