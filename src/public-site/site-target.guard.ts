import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SiteTargetResolver } from './site-target.resolver';

/** Resolves the site and environment of a public route (and checks staging access) before its handler. */
@Injectable()
export class SiteTargetGuard implements CanActivate {
  constructor(private readonly targets: SiteTargetResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.siteTarget = await this.targets.resolve(request);
    return true;
  }
}
