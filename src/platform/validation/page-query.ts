import { SchemaPipe } from './body.pipe';

export interface PageQuery {
  limit: number;
  cursor?: string;
  [filter: string]: unknown;
}

export const pageQuerySchema = {
  type: 'object',
  properties: {
    limit: {
      type: 'string',
      pattern: '^(?:[1-9]|[1-9][0-9]|[1-4][0-9][0-9]|500)$',
      description: '1 to 500, default 50',
    },
    cursor: { type: 'string', maxLength: 2000 },
  },
};

/** ?limit (1-500, default 50) and ?cursor, validated like any other input. */
export class PageQueryPipe extends SchemaPipe {
  constructor(extra: Record<string, object> = {}) {
    super({ ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...extra } }, 'query');
  }

  transform(value: unknown): PageQuery {
    const query = super.transform(value) as Record<string, string>;
    return { ...query, limit: query.limit ? Number(query.limit) : 50 };
  }
}
