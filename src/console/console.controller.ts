import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/access.decorator';
import { consoleDistDir, resolveConsolePath } from './console-files';

// The console only talks to this origin's API; page previews are sandboxed srcdoc frames, which inherit this
// policy, so a previewed page can never run script. Inline styles stay allowed for those rendered pages.
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Console not built</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>The console is not built</h1><p>This service serves the web console from <code>console/dist</code>, which
does not exist yet. Run <code>npm run build</code> (or <code>npx vite build --config console/vite.config.ts</code>)
and reload this page. The HTTP API under <code>/api</code> works without it.</p></body></html>`;

/** The web console: the built single-page app under /console, every unknown path answered by its index.html. */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleController {
  private readonly distDir = consoleDistDir();

  @Get('console{/*path}')
  serveConsole(@Param('path') path: string[] | undefined, @Req() request: Request, @Res() response: Response) {
    // Built asset URLs are absolute (/console/assets/…), but the app's router expects the trailing slash.
    if (request.path === '/console') return response.redirect(302, '/console/');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    if (!existsSync(join(this.distDir, 'index.html'))) {
      return response.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
    }
    const answer = resolveConsolePath(this.distDir, path ?? []);
    if (answer.kind === 'missing') return response.status(404).type('text').send('Not found');
    if (answer.kind === 'file')
      return response.sendFile(answer.path, {
        root: this.distDir,
        dotfiles: 'deny',
        headers: { 'Cache-Control': answer.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
      });
    return response.sendFile('index.html', {
      root: this.distDir,
      headers: { 'Cache-Control': 'no-cache', 'Content-Security-Policy': CONSOLE_CSP },
    });
  }
}
