import { SetMetadata } from '@nestjs/common';
import type { SiteRole } from './principal';

export const ACCESS = 'promote:access';

/**
 * Who may call a route: 'public' (no token), 'admin' (platform admin only), 'authenticated' (any valid
 * token; the service checks ownership), or the site roles allowed on the route's :site (admin always may).
 */
export type Access = 'public' | 'admin' | 'authenticated' | readonly SiteRole[];

export const Public = () => SetMetadata(ACCESS, 'public');
export const AdminOnly = () => SetMetadata(ACCESS, 'admin');
export const Authenticated = () => SetMetadata(ACCESS, 'authenticated');
export const Roles = (...roles: SiteRole[]) => SetMetadata(ACCESS, roles);
