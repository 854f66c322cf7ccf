import { ApiClient } from './api-client';
import { configPath, type ConnectionFlags, readConfig, resolveConnection } from './config';

export interface GlobalOptions extends ConnectionFlags {
  json?: boolean;
}

/** What every command gets: how to reach the API, and how to print for a person or (`--json`) a program. */
export class CommandContext {
  constructor(
    readonly options: GlobalOptions,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get configFile(): string {
    return configPath(this.env);
  }

  async client(): Promise<ApiClient> {
    return new ApiClient(resolveConnection(this.options, this.env, await readConfig(this.configFile)));
  }

  /** The result on stdout: the text for a person, or the value as JSON with `--json`. */
  print(text: string, value: unknown): void {
    process.stdout.write(this.options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  }
}
