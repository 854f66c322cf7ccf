import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOfflineOpenApiDocument } from './openapi-document';

type Operation = {
  operationId: string;
  summary?: string;
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  const operations: { id: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    document = await buildOfflineOpenApiDocument();
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, op] of Object.entries(item as Record<string, Operation>))
        operations.push({ id: `${method.toUpperCase()} ${path}`, path, op });
  });

  it('is built without a database and lists the API, GET /api/me among it', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((o) => o.id)).toContain('GET /api/me');
    expect(document.paths['/api/me'].get!.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } },
    });
  });

  it('names every operation after its controller method: unique, verb then noun', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z]+[A-Z]\w*$/.test(id))).toEqual([]);
    expect(operations.filter((o) => !o.op.summary).map((o) => o.id)).toEqual([]);
  });

  it('gives every success a schema, except 204 and 304 which have no body', () => {
    const bare = operations.flatMap(({ id, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
        .filter(([, response]) => !Object.values(response.content ?? {}).some((media) => media.schema))
        .map(([status]) => `${id} ${status}`),
    );
    expect(bare).toEqual([]);
    const successes = operations.filter(({ op }) => Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)));
    expect(successes.length).toBe(operations.length);
  });

  it('answers every 4xx and 5xx with the shared error shape', () => {
    // /health's 503 is the health report itself, telling which dependency is down.
    const others = operations.flatMap(({ id, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status) && `${id} ${status}` !== 'GET /health 503')
        .filter(([, r]) => r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse')
        .map(([status]) => `${id} ${status}`),
    );
    expect(others).toEqual([]);
    const unauthenticated = operations.filter((o) => o.path.startsWith('/api/') && !o.op.responses['401']);
    expect(unauthenticated.map((o) => o.id)).toEqual([]);
  });

  it('declares every parameter of every templated path', () => {
    const missing = operations.flatMap(({ id, path, op }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map(([, name]) => name)
        .filter((name) => !op.parameters?.some((p) => p.in === 'path' && p.name === name))
        .map((name) => `${id} {${name}}`),
    );
    expect(missing).toEqual([]);
  });

  it('describes the tokens as opaque bearer tokens, not JWTs', () => {
    expect(document.components!.securitySchemes!.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components!.securitySchemes!.bearer).not.toHaveProperty('bearerFormat');
  });
});
