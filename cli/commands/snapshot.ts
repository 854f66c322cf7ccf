import type { CommandContext } from '../context';
import { snapshotText } from '../format';
import { requests } from '../requests';
import type { Snapshot } from '../types';
import { runJobCommand } from './job-command';

export async function snapshot(ctx: CommandContext, site: string, flags: { label?: string }): Promise<void> {
  const label = flags.label ?? `promote CLI ${new Date().toISOString()}`;
  const created = await (await ctx.client()).send<Snapshot>(requests.snapshot(site, label));
  ctx.print(snapshotText(created), created);
}

export async function restore(ctx: CommandContext, site: string, id: string, flags: { wait?: boolean }) {
  await runJobCommand(ctx, requests.restore(site, id), flags.wait ?? false);
}
