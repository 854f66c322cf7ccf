import { nullable, object, type SchemaObject } from '../platform/openapi/schema-ref';
import type { SiteRole } from './principal';

/** Who the caller is: what the console shapes itself by instead of probing which routes answer 403. */
export type MeDto =
  | { principal: 'admin'; role: 'admin'; site: null }
  | { principal: 'token'; role: SiteRole; site: { id: string; slug: string }; tokenId: string; label: string };

export const meSchema: SchemaObject = object(
  {
    principal: { type: 'string', enum: ['admin', 'token'], description: 'the platform admin, or a site token' },
    role: { type: 'string', enum: ['admin', 'owner', 'editor', 'reviewer'] },
    site: nullable({
      ...object({ id: { type: 'string', format: 'uuid' }, slug: { type: 'string' } }),
      description: "a token's site; null for the admin",
    }),
    tokenId: { type: 'string', format: 'uuid', description: 'tokens only' },
    label: { type: 'string', description: "tokens only: the token's label" },
  },
  ['tokenId', 'label'],
);
