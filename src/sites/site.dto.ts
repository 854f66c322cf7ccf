import { SITE_SLUG_PATTERN } from '../platform/validation/id.pipe';
import { dateTime, nullable, object, ref, type SchemaObject } from '../platform/openapi/schema-ref';
import type { FreezeWindow } from '../../libs/freeze-windows';
import { freezeWindowsSchema, oneOffFreezeWindowSchema, weeklyFreezeWindowSchema } from './freeze-windows.schema';
import type { EnvironmentRow, Site, SmokeCheck } from './site.types';
import { smokeCheckSchema, smokeChecksSchema } from './smoke-checks.schema';

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

export const updateSiteSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  description: 'the settings to change; the others keep their values',
  properties: {
    trustedCustomCode: {
      type: 'boolean',
      description:
        'html blocks render as written, scripts included, and the pages that have one get a permissive CSP; ' +
        'off (the default): html blocks are sanitised and every page gets a strict CSP',
    },
    requiredApprovals: {
      type: 'integer',
      minimum: 0,
      maximum: 5,
      description: 'current approvals by others than its starter that a promotion needs (default 0)',
    },
    freezeWindows: freezeWindowsSchema,
    smokeChecks: smokeChecksSchema,
  },
};
export interface UpdateSiteBody {
  trustedCustomCode?: boolean;
  requiredApprovals?: number;
  freezeWindows?: FreezeWindow[];
  smokeChecks?: SmokeCheck[];
}

export interface SiteDto {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  trustedCustomCode: boolean;
  requiredApprovals: number;
  freezeWindows: FreezeWindow[];
  smokeChecks: SmokeCheck[];
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

const siteToken = {
  id: { type: 'string', format: 'uuid' },
  siteId: { type: 'string', format: 'uuid' },
  role: { type: 'string', enum: ['owner', 'editor', 'reviewer'] },
  label: { type: 'string' },
  createdAt: dateTime,
  lastUsedAt: nullable(dateTime),
  revokedAt: nullable(dateTime),
};

/** The response schemas of the sites API, named in the OpenAPI document. */
export const siteSchemas: Record<string, SchemaObject> = {
  Site: object({
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    name: { type: 'string' },
    createdAt: dateTime,
    trustedCustomCode: { type: 'boolean' },
    requiredApprovals: { type: 'integer', minimum: 0, maximum: 5 },
    freezeWindows: { type: 'array', items: { oneOf: [ref('OneOffFreezeWindow'), ref('WeeklyFreezeWindow')] } },
    smokeChecks: { type: 'array', items: ref('SmokeCheck') },
    environments: object({
      staging: object({ version: { type: 'integer' }, resetAt: nullable(dateTime) }),
      production: object({
        version: { type: 'integer' },
        stateId: nullable({ type: 'integer' }),
        maintenance: nullable(
          object({ reason: nullable({ type: 'string' }), holder: nullable({ type: 'string' }), until: dateTime }),
        ),
      }),
    }),
  }),
  OneOffFreezeWindow: oneOffFreezeWindowSchema as SchemaObject,
  WeeklyFreezeWindow: weeklyFreezeWindowSchema as SchemaObject,
  SmokeCheck: smokeCheckSchema as SchemaObject,
  SiteToken: object(siteToken),
  CreatedSiteToken: object({
    ...siteToken,
    token: { type: 'string', description: 'the secret, shown this once; only its hash is stored' },
  }),
};
