/**
 * JSON Schemas generated from the zod schemas, committed so NGOs and administrators can validate their files and so
 * Chromium can check policies (`npm run schemas` writes them; a test fails when one is stale).
 */
import { z } from '../zod';
import { NgoProfileSchema } from './profile';
import { SignedRulePackSchema } from './signed-pack';

type JsonSchema = Record<string, unknown>;

export const PROFILE_SCHEMA_ID = 'https://waspada.invalid/schemas/ngo-profile.schema.json';

export function profileJsonSchema(): JsonSchema {
  return {
    $id: PROFILE_SCHEMA_ID,
    title: 'Waspada NGO profile',
    description: 'How an organisation that distributes Waspada configures it; see DEPLOY.md.',
    ...(z.toJSONSchema(NgoProfileSchema, { io: 'input' }) as JsonSchema),
  };
}

/**
 * Chromium's `managed_schema` for the same profile, each field given at the top level of the extension's policy.
 * Chromium checks policies against it strictly and silently drops a value that does not conform, so it declares
 * types only: the zod schema then checks everything else and names the field and the problem in the options page.
 * Chromium's dialect: one `type` per schema, no boolean `additionalProperties`, none at the top level.
 */
export function chromiumManagedSchema(): JsonSchema {
  const profile = z.toJSONSchema(NgoProfileSchema, { io: 'input' }) as JsonSchema;
  const top = typesOnly(profile);
  return { type: 'object', properties: top.properties };
}

function typesOnly(node: JsonSchema): JsonSchema {
  let type = node.type as string | undefined;
  if (!type && Array.isArray(node.anyOf)) {
    const types = new Set((node.anyOf as JsonSchema[]).map((branch) => branch.type));
    type = types.size === 1 ? ([...types][0] as string) : undefined;
  }
  if (!type) throw new Error(`no single type for ${JSON.stringify(node).slice(0, 80)}: Chromium policy schemas need one`);
  const out: JsonSchema = { type };
  if (typeof node.description === 'string') out.description = node.description;
  if (type === 'object') {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    out.properties = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typesOnly(value)]));
    if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = typesOnly(node.additionalProperties as JsonSchema);
  }
  if (type === 'array' && node.items) out.items = typesOnly(node.items as JsonSchema);
  return out;
}

export function signedPackJsonSchema(): JsonSchema {
  return {
    $id: 'https://waspada.invalid/schemas/signed-rule-pack.schema.json',
    title: 'Waspada signed rule pack',
    description: 'Envelope of a rule-pack update: Ed25519 signature over the canonical JSON (RFC 8785) of "pack"; see DEPLOY.md.',
    ...(z.toJSONSchema(SignedRulePackSchema, { io: 'input' }) as JsonSchema),
  };
}

/** Committed files (path from the repository root) and how to build each. */
export const NGO_SCHEMA_FILES: Record<string, () => JsonSchema> = {
  'schemas/ngo-profile.schema.json': profileJsonSchema,
  'schemas/signed-rule-pack.schema.json': signedPackJsonSchema,
  'public/managed-schema.json': chromiumManagedSchema,
};

export function serialiseJsonSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
