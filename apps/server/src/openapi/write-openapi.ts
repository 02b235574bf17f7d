import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument, documentText, publishedPart } from './openapi-document.js';

/**
 * `npm run openapi`: writes docs/openapi.json (the whole API). With `--baseline`, also writes
 * docs/openapi-baseline.json (the published routes only): do that when a version is released, so
 * that the next changes are checked against what clients now have.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const document = await buildOpenApiDocument();
await writeFile(path.join(root, 'docs/openapi.json'), documentText(document));
process.stdout.write('wrote docs/openapi.json\n');
if (process.argv.includes('--baseline')) {
  await writeFile(path.join(root, 'docs/openapi-baseline.json'), documentText(publishedPart(document)));
  process.stdout.write('wrote docs/openapi-baseline.json\n');
}
