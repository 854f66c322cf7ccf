import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from './schema-ref';

export const ApiSiteParam = () =>
  ApiParam({ name: 'site', description: "the site's slug or id", schema: { type: 'string' } });

/** One query parameter per property of the JSON Schema a SchemaPipe or PageQueryPipe validates the query with. */
export const ApiQueryFrom = (properties: Record<string, object>, required: readonly string[] = []) =>
  applyDecorators(
    ...Object.entries(properties).map(([name, schema]) =>
      ApiQuery({ name, required: required.includes(name), schema: schema as SchemaObject }),
    ),
  );
