// Refreshes the checked-in openapi.json, from which src/api/schema.d.ts is generated (npm run api:types).
//   npm run api:pull                          from a server on http://localhost:8000 (make run)
//   npm run api:pull -- http://host:port      from another server
//   npm run api:pull -- path/to/openapi.json  from a file, e.g. the one every integration-test run writes to
//                                             ../bootstrap/target/openapi.json
import { readFile, writeFile } from 'node:fs/promises';

const source = process.argv[2] ?? 'http://localhost:8000';
const text = /^https?:\/\//.test(source)
  ? await fetchDocument(new URL('/api/openapi.json', source))
  : await readFile(source, 'utf8');
const document = JSON.parse(text);
if (!document.openapi || !document.paths) {
  throw new Error(`${source} is not an OpenAPI document`);
}
// Servers name the host it was fetched from; the UI always talks to its own origin.
delete document.servers;
await writeFile(new URL('../openapi.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
console.log(`openapi.json: ${Object.keys(document.paths).length} paths from ${source}`);

async function fetchDocument(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}
