import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { configPath, normaliseUrl, readConfig, resolveConnection, writeConfig } from './config';
import { Refusal } from './outcome';

describe('CLI config', () => {
  it('lives under XDG_CONFIG_HOME, else the platform config folder', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/promote/config.json');
    expect(configPath({}, 'linux', '/home/u')).toBe('/home/u/.config/promote/config.json');
    expect(configPath({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Preferences/promote/config.json');
  });

  it('prefers flags, then the environment, then the stored login', () => {
    const stored = { url: 'http://stored', token: 'stored-token' };
    const env = { PROMOTE_URL: 'http://env', PROMOTE_TOKEN: 'env-token' };
    expect(resolveConnection({}, {}, stored)).toEqual({ url: 'http://stored', token: 'stored-token' });
    expect(resolveConnection({}, env, stored)).toEqual({ url: 'http://env', token: 'env-token' });
    expect(resolveConnection({ url: 'http://flag/', token: 'flag-token' }, env, stored)).toEqual({
      url: 'http://flag',
      token: 'flag-token',
    });
  });

  it('refuses when nothing says where or who', () => {
    expect(() => resolveConnection({ url: 'http://x' }, {}, {})).toThrow(Refusal);
    expect(() => resolveConnection({}, { PROMOTE_TOKEN: 't' }, {})).toThrow(/No server URL/);
  });

  it('accepts only http(s) URLs without credentials', () => {
    expect(normaliseUrl('https://promote.example.com/base//')).toBe('https://promote.example.com/base');
    expect(() => normaliseUrl('ftp://x')).toThrow(Refusal);
    expect(() => normaliseUrl('http://user:secret@x')).toThrow(/--token/);
    expect(() => normaliseUrl('not a url')).toThrow(Refusal);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'promote-cli-'))));
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('writes the login readable by its owner only, also over an existing wider file', async () => {
      const file = path.join(dir, 'promote', 'config.json');
      await writeConfig(file, { url: 'http://a', token: 'one' });
      await chmod(file, 0o644);
      await writeConfig(file, { url: 'http://a', token: 'two' });
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ url: 'http://a', token: 'two' });
    });

    it('reads a missing file as no login and refuses a broken one', async () => {
      expect(await readConfig(path.join(dir, 'none.json'))).toEqual({});
      await writeFile(path.join(dir, 'bad.json'), '{');
      await expect(readConfig(path.join(dir, 'bad.json'))).rejects.toThrow(Refusal);
    });
  });
});
