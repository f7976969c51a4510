/**
 * The API reference page (`GET /docs`) and its files: Swagger UI from `swagger-ui-dist`, read from
 * the installed package (the stack copies its files beside this bundle), never from a CDN. The
 * page reads `/openapi.json`; a developer pastes a token under “Authorize” and tries requests.
 * A function of its own, so the API's functions carry none of this.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { NotFoundError } from '../../shared/domain/errors';
import { answerAndLog } from '../../shared/http/logged-answer';
import { DOCS_PAGE_MEDIA, type DocsFileName, docsFiles, SWAGGER_UI_PACKAGE } from './files';

/**
 * Relative URLs, so the page works wherever the API is mounted; an empty icon, so the browser
 * does not ask for `/favicon.ico` (which, like every unknown path, needs a token). Only
 * same-origin scripts and connections: the policy itself keeps the page from reaching any other host.
 */
const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>giao-ban API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;

/** Starts Swagger UI on the document; no validator badge (it would call an outside service). */
const START_SCRIPT = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#swagger-ui',
  deepLinking: true,
  displayOperationId: true,
  filter: true,
  validatorUrl: null,
});
`;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Served {
  readonly media: string;
  readonly plain: Buffer;
  /** Compressed once, on first demand: Swagger UI's bundle shrinks from 1.7 MB to about 0.5 MB. */
  gzipped?: Buffer;
}

const cache = new Map<string, Served>();

function fileContent(name: DocsFileName): Buffer {
  if (!docsFiles[name].fromPackage) return Buffer.from(START_SCRIPT);
  return readFileSync(fileURLToPath(import.meta.resolve(`${SWAGGER_UI_PACKAGE}/${name}`)));
}

function served(key: string, media: string, content: () => Buffer): Served {
  let entry = cache.get(key);
  if (!entry) {
    entry = { media, plain: content() };
    cache.set(key, entry);
  }
  return entry;
}

function reply(event: APIGatewayProxyEventV2, file: Served, maxAge: number): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {
    'content-type': file.media,
    'cache-control': `public, max-age=${maxAge}`,
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  // payload 2.0 headers arrive lower-cased.
  if (!/\bgzip\b/i.test(event.headers?.['accept-encoding'] ?? '')) {
    return { statusCode: 200, headers, body: file.plain.toString('utf8') };
  }
  file.gzipped ??= gzipSync(file.plain);
  headers['content-encoding'] = 'gzip';
  return { statusCode: 200, headers, body: file.gzipped.toString('base64'), isBase64Encoded: true };
}

function isDocsFile(name: string): name is DocsFileName {
  return Object.hasOwn(docsFiles, name);
}

function answer(event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 {
  if (event.routeKey === 'GET /docs') {
    const page = reply(
      event,
      served('page', DOCS_PAGE_MEDIA, () => Buffer.from(PAGE)),
      300,
    );
    return { ...page, headers: { ...page.headers, 'content-security-policy': CONTENT_SECURITY_POLICY } };
  }
  const name = event.routeKey.replace(/^GET \/docs\//, '');
  if (!isDocsFile(name)) throw new NotFoundError('Không có đường dẫn này.', 'route_not_found');
  return reply(
    event,
    served(name, docsFiles[name].media, () => fileContent(name)),
    3600,
  );
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return answerAndLog(event, async () => answer(event));
}
