import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { SitesService } from '../sites/sites.service';
import { isSiteRef } from '../platform/validation/id.pipe';
import { ACCESS, Access } from './access.decorator';
import type { Principal } from './principal';
import { sameSecret } from './token-hash';
import { TokensRepository } from './tokens.repository';

/** The one place that decides who may call what; every route declares its Access (default: admin only). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactions: Transactions,
    private readonly tokens: TokensRepository,
    private readonly sites: SitesService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access>(ACCESS, [context.getHandler(), context.getClass()]) ?? 'admin';
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    if (access === 'authenticated') return true;
    if (access === 'admin') {
      if (principal.kind !== 'admin') throw new AppError('forbidden', 'Only the platform admin may do this.');
      return true;
    }
    const siteParam = request.params?.site;
    if (typeof siteParam !== 'string') throw new Error('A route with site roles needs a :site parameter');
    const site = isSiteRef(siteParam) ? await this.sites.findBySlugOrId(siteParam) : null;
    if (principal.kind === 'site' && (!site || site.id !== principal.siteId))
      throw new AppError('forbidden', 'This token belongs to another site.');
    if (!site) throw new AppError('not_found', `No site "${siteParam.slice(0, 60)}".`);
    request.site = site;
    if (principal.kind === 'site' && !access.includes(principal.role))
      throw new AppError(
        'forbidden',
        `${/^[aeiou]/.test(principal.role) ? 'An' : 'A'} ${principal.role} may not do this; it needs the role ${access.join(' or ')}.`,
      );
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new AppError('unauthenticated', 'Send a token as "Authorization: Bearer <token>".');
    const token = match[1];
    if (sameSecret(token, this.config.adminToken)) return { kind: 'admin', actor: 'admin', role: 'admin' };
    const found = await this.tokens.findActiveByToken(this.transactions.autocommit, token);
    if (!found) throw new AppError('unauthenticated', 'The token is unknown or revoked.');
    return {
      kind: 'site',
      actor: `token:${found.id}`,
      role: found.role,
      siteId: found.siteId,
      tokenId: found.id,
      label: found.label,
    };
  }
}
