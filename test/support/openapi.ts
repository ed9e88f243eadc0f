/** The API's operations as the OpenAPI document describes them, for tests that cover every route without edits. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  params: Array<{ name: string; schema: JsonSchema }>;
  /** JSON response schema per status code ("200", "201", ...). */
  responses: Record<string, JsonSchema>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as Array<{
        in: string;
        name: string;
        required?: boolean;
        schema: JsonSchema;
      }>;
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      const responses: Record<string, JsonSchema> = {};
      for (const [status, response] of Object.entries(
        (op.responses ?? {}) as Record<string, { content?: Record<string, { schema: JsonSchema }> }>,
      )) {
        const schema = response.content?.['application/json']?.schema;
        if (schema) responses[status] = schema;
      }
      result.push({
        method: method.toUpperCase(),
        path,
        ...(body ? { body } : {}),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
        params: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        responses,
      });
    }
  }
  return result;
}

/** The path with each `{param}` replaced by the given (already encoded) value. */
export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'missing');
