import type { ReferenceObject, SchemaObject as OpenApiSchema } from '@nestjs/swagger';

/** A schema of the document: inline, or a pointer at a named one. */
export type SchemaObject = OpenApiSchema | ReferenceObject;

/** A pointer at a named schema of components.schemas (the document's lint fails on a name nobody registered). */
export const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

export const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
export const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
// OpenAPI 3.0 ignores siblings of $ref, so a nullable pointer wraps it (with the type 3.0 wants next to nullable).
export const nullableRef = (name: string): SchemaObject => ({ type: 'object', allOf: [ref(name)], nullable: true });

/** A closed object whose every property is always present (nullable ones say so). */
export const object = (properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject => ({
  type: 'object',
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  properties,
});

/** `{items, nextCursor}`: one page of a list; nextCursor is null on the last page. */
export const pageOf = (item: string): SchemaObject =>
  object({ items: { type: 'array', items: ref(item) }, nextCursor: nullable({ type: 'string' }) });

/** `{items}`: a whole, short list. */
export const listOf = (item: string): SchemaObject => object({ items: { type: 'array', items: ref(item) } });
