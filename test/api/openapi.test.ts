/** The API describes itself: `GET /openapi.json` and the reference page, both without a token. */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docsFileNames, docsFiles } from '../../functions/docs/files';
import { routeKeyOf, routes } from '../../functions/routes';
import type { OpenApiDocument } from '../../shared/http/openapi';
import { useApi } from '../support/api';
import { describedRouteKeys, specificationErrors, spectralFindings } from '../support/openapi-checks';

const api = useApi();

async function servedDocument(): Promise<OpenApiDocument> {
  const response = await api.request<OpenApiDocument>('GET', '/openapi.json', { as: null });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.body;
}

describe('GET /openapi.json', () => {
  it('describes every route of the route table and no other, each by its operation', async () => {
    const document = await servedDocument();

    expect(describedRouteKeys(document).sort()).toEqual(routes.map(routeKeyOf).sort());
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operation);
    }
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(await specificationErrors(await servedDocument())).toEqual([]);
  });

  it('documents Idempotency-Key, its problems and the replay mark on exactly the idempotent routes', async () => {
    const document = await servedDocument();
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      const parameters = JSON.stringify(operation?.parameters ?? []);
      expect(parameters.includes('#/components/parameters/IdempotencyKey'), route.operation).toBe(
        route.request.idempotent === true,
      );
      if (!route.request.idempotent) continue;
      expect(JSON.stringify(operation?.responses['422']), route.operation).toContain('idempotency_key_reused');
      expect(JSON.stringify(operation?.responses['409']), route.operation).toContain('idempotency_key_in_use');
      expect(JSON.stringify(operation?.responses[String(route.response.status)]), route.operation).toContain(
        'IdempotentReplayed',
      );
    }
  });

  it('lints clean with Spectral’s OpenAPI ruleset', async () => {
    expect(await spectralFindings(await servedDocument())).toEqual([]);
  });
});

/** A GET that asks for gzip and keeps the bytes as sent (fetch would decompress them). */
function getGzipped(url: string): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('GET /docs', () => {
  it('serves the reference page, which loads only its own files', async () => {
    const response = await fetch(`${api.baseUrl}/docs`);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const loaded = [...page.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1])
      .filter((url) => url !== 'data:,');
    expect(loaded.sort()).toEqual(docsFileNames.map((name) => `docs/${name}`).sort());
  });

  it.each(docsFileNames)(
    'serves docs/%s with its media type, compressed for clients that accept gzip',
    async (name) => {
      const plain = await fetch(`${api.baseUrl}/docs/${name}`, { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await plain.arrayBuffer());
      const gzipped = await getGzipped(`${api.baseUrl}/docs/${name}`);

      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-type')).toBe(docsFiles[name].media);
      expect(body.byteLength).toBeGreaterThan(0);
      expect(gzipped.encoding).toBe('gzip');
      expect(gunzipSync(gzipped.body).equals(body)).toBe(true);
    },
  );
});
