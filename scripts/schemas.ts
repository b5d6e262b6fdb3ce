// Writes the committed JSON Schemas: reports (for receivers), the NGO profile and the signed rule pack (for NGOs), and
// Chromium's managed_schema. `npm run schemas`; tests fail when a file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILES, serialiseSchema } from '../src/report/json-schemas';
import { NGO_SCHEMA_FILES } from '../src/ngo/json-schemas';

for (const [path, build] of Object.entries({ ...SCHEMA_FILES, ...NGO_SCHEMA_FILES })) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serialiseSchema(build()));
  console.log(`wrote ${path}`);
}
