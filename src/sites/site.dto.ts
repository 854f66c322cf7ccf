import { SITE_SLUG_PATTERN } from '../validation/id.pipe';
import type { EnvironmentRow, Site } from './site.types';

export const createSiteSchema = {
  type: 'object',
  required: ['slug', 'name'],
  additionalProperties: false,
  properties: {
    slug: {
      type: 'string',
      pattern: SITE_SLUG_PATTERN,
      description: 'lowercase letters, digits and dashes, 1-63',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
};
export interface CreateSiteBody {
  slug: string;
  name: string;
}

export interface SiteDto {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  environments: {
    staging: { version: number; resetAt: Date | null };
    production: {
      version: number;
      stateId: number | null;
      maintenance: { reason: string | null; holder: string | null; until: Date } | null;
    };
  };
}

export function toSiteDto(site: Site, environments: EnvironmentRow[], now = new Date()): SiteDto {
  const staging = environments.find((e) => e.siteId === site.id && e.name === 'staging')!;
  const production = environments.find((e) => e.siteId === site.id && e.name === 'production')!;
  const inMaintenance = production.maintenanceUntil && production.maintenanceUntil > now;
  return {
    ...site,
    environments: {
      staging: { version: staging.version, resetAt: staging.resetAt },
      production: {
        version: production.version,
        stateId: production.headStateId,
        maintenance: inMaintenance
          ? {
              reason: production.maintenanceReason,
              holder: production.maintenanceHolder,
              until: production.maintenanceUntil!,
            }
          : null,
      },
    },
  };
}
