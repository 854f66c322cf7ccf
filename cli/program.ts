import { Command, CommanderError, Option } from 'commander';
import { checks } from './commands/checks';
import { login } from './commands/login';
import { preview } from './commands/preview';
import { promote, type PromoteFlags } from './commands/promote';
import { restore, snapshot } from './commands/snapshot';
import { sites } from './commands/sites';
import { status } from './commands/status';
import { undo } from './commands/undo';
import { CommandContext, type GlobalOptions } from './context';
import { ACKNOWLEDGE_FLAG, collectCodes } from './launch-checks';
import { errorJson, errorLine, EXIT, exitCodeOf, Refusal } from './outcome';
import { collectEntities, type SelectionFlags } from './selection';

const EXIT_CODES = `
Exit codes:
  0  done (with --wait: the job succeeded)
  1  failed: the job failed, was cancelled or was rolled back, the server could not be reached, or it answered 5xx
  2  refused: the API answered 4xx (its error code is printed), or the command line was wrong`;

function program(): Command {
  const root = new Command('promote')
    .description('Promote staging to production from a terminal or a pipeline, through the public API.')
    .option('--url <url>', 'server URL (else PROMOTE_URL, else what `promote login` stored)')
    .option('--token <token>', 'API token (else PROMOTE_TOKEN, else what `promote login` stored)')
    .option('--json', 'print results (and errors) as JSON for programs')
    .addHelpText('after', EXIT_CODES)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  // Each action gets the root's options (wherever on the line they were given) and its own.
  const context = (command: Command) => new CommandContext(command.optsWithGlobals<GlobalOptions>());
  const wait = new Option('--wait', 'follow the job to its end (a progress bar on a terminal, lines otherwise)');
  // A selective promotion: these entities and types, plus what they need (the preview lists it).
  const select = () =>
    new Option('--select <type:key,...>', 'only these entities (repeatable), with what they need').argParser(
      collectEntities,
    );
  const selectType = () =>
    new Option('--select-type <types>', 'only the changes of these content types (comma-separated)').argParser(
      collectCodes,
    );

  root
    .command('login')
    .description('check the URL and token, then store them (the token is read from stdin or a prompt if not given)')
    .action((_opts, cmd: Command) => login(context(cmd)));
  root
    .command('sites')
    .description('the sites the token sees, with their versions')
    .action((_opts, cmd: Command) => sites(context(cmd)));
  root
    .command('preview <site>')
    .description('what a promotion would change, entity by entity, and its fingerprint')
    .addOption(select())
    .addOption(selectType())
    .action((site: string, flags: SelectionFlags, cmd: Command) => preview(context(cmd), site, flags));
  root
    .command('checks <site>')
    .description(
      'the launch report of promoting now (SEO, links, files, redirects, consent, variables); exit 1 on errors',
    )
    .action((site: string, _opts, cmd: Command) => checks(context(cmd), site));
  root
    .command('promote <site>')
    .description('promote staging to production')
    .option('--fingerprint <fingerprint>', 'promote exactly this reviewed preview (else the current one)')
    .option('--snapshot', 'pin production as a snapshot before the swap')
    .option('--at <time>', 'schedule it (ISO 8601 date-time) instead of running it now')
    .option('--time-zone <zone>', 'IANA time zone that --at is in (e.g. Europe/Paris)')
    .option('--note <text>', 'a note kept with the promotion')
    .option(
      `${ACKNOWLEDGE_FLAG} <codes>`,
      'promote over these error launch checks (comma-separated codes, repeatable); recorded on the job',
      collectCodes,
    )
    .addOption(select())
    .addOption(selectType())
    .addOption(wait)
    .action((site: string, flags: PromoteFlags, cmd: Command) => promote(context(cmd), site, flags));
  root
    .command('snapshot <site>')
    .description("pin production's current state as a snapshot")
    .option('--label <label>', 'what it is (default: the time it was taken)')
    .action((site: string, flags: { label?: string }, cmd: Command) => snapshot(context(cmd), site, flags));
  root
    .command('restore <site> <snapshotId>')
    .description('restore a snapshot into production (version + 1)')
    .addOption(wait)
    .action((site: string, id: string, flags: { wait?: boolean }, cmd: Command) =>
      restore(context(cmd), site, id, flags),
    );
  root
    .command('undo <site> <promotionId>')
    .description('put production back to where it was before that promotion (version + 1)')
    .addOption(wait)
    .action((site: string, id: string, flags: { wait?: boolean }, cmd: Command) => undo(context(cmd), site, id, flags));
  root
    .command('status <site>')
    .description("the environments' versions, maintenance, and promotions running or scheduled")
    .action((site: string, _opts, cmd: Command) => status(context(cmd), site));
  return root;
}

/** Runs one command line; resolves to the exit code, having printed the result or the reason it ended. */
export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.done;
  } catch (caught) {
    if (caught instanceof CommanderError && caught.exitCode === 0) return EXIT.done; // --help
    // No command at all: commander has printed the help, which says everything.
    if (caught instanceof CommanderError && caught.code === 'commander.help') return EXIT.refused;
    const error =
      caught instanceof CommanderError
        ? new Refusal({
            code: 'invalid_arguments',
            message: `${caught.message.replace(/^error: /, '')} (see promote --help)`,
          })
        : caught;
    process.stderr.write(`${errorLine(error)}\n`);
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(errorJson(error), null, 2)}\n`);
    return exitCodeOf(error);
  }
}
