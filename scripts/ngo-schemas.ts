// Writes the NGO profile's JSON Schema, the signed pack's, and Chromium's managed_schema. `npm run schemas:ngo`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NGO_SCHEMA_FILES, serialiseJsonSchema } from '../src/ngo/json-schemas';

for (const [path, build] of Object.entries(NGO_SCHEMA_FILES)) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serialiseJsonSchema(build()));
  console.log(`wrote ${path}`);
}
