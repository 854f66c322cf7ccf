import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Site } from '../sites/site.types';
import type { Principal } from './principal';

/** The caller the AuthGuard authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<Request>().principal!;
});

/** The route's :site, resolved (by slug or id) and authorised by the AuthGuard. */
export const CurrentSite = createParamDecorator((_: unknown, ctx: ExecutionContext): Site => {
  return ctx.switchToHttp().getRequest<Request>().site!;
});

/** The request id that pino-http gave this request (also in the X-Request-Id header). */
export const RequestId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return String(ctx.switchToHttp().getRequest<Request>().id ?? '');
});
