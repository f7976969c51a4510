/**
 * `npm run openapi [-- <file>]`: writes the API's OpenAPI 3.1 document (what `GET /openapi.json`
 * serves) to `openapi.json` at the repository root, or to the file given, for client generators.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeApi } from '../../functions/system/api-description';

const target = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../openapi.json'));
const document = describeApi();
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`Wrote ${target}: ${Object.keys(document.paths).length} paths, OpenAPI ${document.openapi}.`);
