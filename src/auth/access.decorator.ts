import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiErrors } from '../platform/openapi/api-errors.decorator';
import { ApiSiteParam } from '../platform/openapi/api-params.decorator';
import type { SiteRole } from './principal';

export const ACCESS = 'promote:access';

/**
 * Who may call a route: 'public' (no token), 'admin' (platform admin only), 'authenticated' (any valid
 * token; the service checks ownership), or the site roles allowed on the route's :site (admin always may).
 * Each also documents, in OpenAPI, the refusals the AuthGuard answers for it (and the 500 any route may
 * answer), so the document cannot drift from the guard.
 */
export type Access = 'public' | 'admin' | 'authenticated' | readonly SiteRole[];

// An empty security requirement: the operation needs no token.
export const Public = () => applyDecorators(SetMetadata(ACCESS, 'public'), ApiSecurity({}));
export const AdminOnly = () =>
  applyDecorators(
    SetMetadata(ACCESS, 'admin'),
    ApiErrors('unauthenticated', 'forbidden', 'internal'),
    ApiExtension('x-roles', []),
  );
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS, 'authenticated'), ApiErrors('unauthenticated', 'internal'));
export const Roles = (...roles: SiteRole[]) =>
  applyDecorators(
    SetMetadata(ACCESS, roles),
    ApiSiteParam(),
    ApiErrors('unauthenticated', 'forbidden', 'not_found', 'internal'),
    ApiExtension('x-roles', roles),
  );
