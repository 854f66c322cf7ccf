import type { Principal } from '../auth/principal';
import { AppError } from '../platform/errors/app-error';
import type { EnvName } from '../sites/site.types';

/**
 * Owners and editors read every environment's visitor data; a reviewer, who may view the staging site,
 * reads staging's only: production's submissions and sessions are its customers' data.
 */
export function assertMayRead(principal: Principal, env: EnvName): void {
  if (principal.kind === 'site' && principal.role === 'reviewer' && env !== 'staging')
    throw new AppError('forbidden', 'A reviewer may read the visitor data of staging only.');
}
