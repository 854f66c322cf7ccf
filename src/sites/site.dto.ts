import type { EnvironmentRow, Site } from './site.types';

export const createSiteSchema = {
  type: 'object',
  required: ['slug', 'name'],
  additionalProperties: false,
  properties: {
    slug: {
      type: 'string',
      pattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$',
      description: 'lowercase letters, digits and dashes, 1-63',
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
};
export interface CreateSiteBody {
  slug: string;
  name: string;
}

export const createTokenSchema = {
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: ['owner', 'editor', 'reviewer'] },
    label: { type: 'string', maxLength: 200 },
  },
};
export interface CreateTokenBody {
  role: 'owner' | 'editor' | 'reviewer';
  label?: string;
}

export const updateSiteSchema = {
  type: 'object',
  required: ['trustedCustomCode'],
  additionalProperties: false,
  properties: {
    trustedCustomCode: {
      type: 'boolean',
      description:
        'html blocks render as written, scripts included, and the pages that have one get a permissive CSP; ' +
        'off (the default): html blocks are sanitised and every page gets a strict CSP',
    },
  },
};
export interface UpdateSiteBody {
  trustedCustomCode: boolean;
}

export interface SiteDto {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  trustedCustomCode: boolean;
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
