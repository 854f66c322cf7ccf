import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { ApiClient } from '../api-client';
import { normaliseUrl, readConfig, writeConfig } from '../config';
import type { CommandContext } from '../context';
import { Refusal } from '../outcome';
import { requests } from '../requests';

interface Me {
  principal: 'admin' | 'token';
  role: string | null;
  site: { id: string; slug: string } | null;
}

/** Checks the URL and token against GET /api/me, then stores both (the file is readable by its owner only). */
export async function login(ctx: CommandContext): Promise<void> {
  const stored = await readConfig(ctx.configFile);
  const rawUrl = ctx.options.url ?? (ctx.env.PROMOTE_URL || undefined) ?? stored.url;
  if (!rawUrl)
    throw new Refusal({ code: 'invalid_arguments', message: 'Which server? Pass --url or set PROMOTE_URL.' });
  const url = normaliseUrl(rawUrl);
  const token = ctx.options.token ?? (ctx.env.PROMOTE_TOKEN || undefined) ?? (await readToken());
  if (!token) throw new Refusal({ code: 'invalid_arguments', message: 'No token given.' });
  const me = await new ApiClient({ url, token }).send<Me>(requests.me());
  await writeConfig(ctx.configFile, { url, token });
  const who = me.principal === 'admin' ? 'the platform admin' : `${me.role} of ${me.site?.slug}`;
  ctx.print(`Logged in to ${url} as ${who} (saved in ${ctx.configFile}).`, {
    url,
    principal: me.principal,
    role: me.role,
    site: me.site,
    configFile: ctx.configFile,
  });
}

/** From a pipe (`… | promote login`), or typed at a prompt that does not echo it; never from argv's history. */
async function readToken(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.trim();
  }
  process.stderr.write('Token: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return (await prompt.question('')).trim();
  } finally {
    prompt.close();
    process.stderr.write('\n');
  }
}
