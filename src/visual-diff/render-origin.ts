import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';

/**
 * Where pages are rendered from: VISUAL_DIFF_BASE_URL, else this process's own HTTP server when it serves the
 * public site (the api role), as http://127.0.0.1:<the port it listens on>.
 */
@Injectable()
export class RenderOrigin {
  private servesPublicSite = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Said by the api role's module: this process answers /sites and /preview itself. */
  markServesPublicSite(): void {
    this.servesPublicSite = true;
  }

  /** The base URL, or why there is none. */
  resolve(): { baseUrl: string } | { missing: string } {
    if (this.config.visualDiff.baseUrl) return { baseUrl: this.config.visualDiff.baseUrl };
    const address = this.servesPublicSite
      ? (this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null)
      : null;
    if (address && typeof address === 'object') return { baseUrl: `http://127.0.0.1:${address.port}` };
    return {
      missing:
        'No public site to render from: set VISUAL_DIFF_BASE_URL to an API node (this process does not serve one).',
    };
  }
}
