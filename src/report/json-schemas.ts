import { reportPayloadJsonSchema } from './schema';

/** Committed JSON Schema files (path from the repo root) and how to build each. */
export const SCHEMA_FILES: Record<string, () => unknown> = {
  'schemas/report.schema.json': () => ({
    $id: 'https://waspada.invalid/schemas/report.schema.json',
    title: 'Waspada report',
    ...(reportPayloadJsonSchema() as object),
  }),
};

export function serialiseSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
