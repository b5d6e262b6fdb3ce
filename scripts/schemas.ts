// Writes the JSON Schemas that NGOs build receivers against. `npm run schemas`; a test fails when the files are stale.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILES, serialiseSchema } from '../src/report/json-schemas';

for (const [path, build] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), serialiseSchema(build()));
  console.log(`wrote ${path}`);
}
