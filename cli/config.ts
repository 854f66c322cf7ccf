import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from './api-client';
import { Refusal } from './outcome';

export interface StoredConfig {
  url?: string;
  token?: string;
}

/** `$XDG_CONFIG_HOME/promote/config.json`, else the platform's usual place for a user's settings. */
export function configPath(env: NodeJS.ProcessEnv, platform = process.platform, home = os.homedir()): string {
  const base =
    env.XDG_CONFIG_HOME ||
    (platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Preferences')
        : path.join(home, '.config'));
  return path.join(base, 'promote', 'config.json');
}

export async function readConfig(file: string): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    return JSON.parse(text) as StoredConfig;
  } catch {
    throw new Refusal({ code: 'invalid_config', message: `${file} is not JSON: run promote login again.` });
  }
}

/** Written to a private temporary file, then renamed: the token is never readable by others, even briefly. */
export async function writeConfig(file: string, config: StoredConfig): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export interface ConnectionFlags {
  url?: string;
  token?: string;
}

/** Flags win over PROMOTE_URL / PROMOTE_TOKEN, which win over what `promote login` stored. */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv, stored: StoredConfig): Connection {
  const url = flags.url ?? (env.PROMOTE_URL || undefined) ?? stored.url;
  const token = flags.token ?? (env.PROMOTE_TOKEN || undefined) ?? stored.token;
  if (!url || !token)
    throw new Refusal({
      code: 'not_logged_in',
      message: `No ${!url ? 'server URL' : 'token'}: run promote login, set PROMOTE_URL and PROMOTE_TOKEN, or pass --url and --token.`,
    });
  return { url: normaliseUrl(url), token };
}

export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Refusal({ code: 'invalid_url', message: `${url} is not a URL (e.g. https://promote.example.com).` });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Refusal({ code: 'invalid_url', message: `The server URL must be http(s), not ${parsed.protocol}` });
  if (parsed.username || parsed.password)
    throw new Refusal({ code: 'invalid_url', message: 'Pass the token with --token, not inside the URL.' });
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}
