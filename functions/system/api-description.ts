/** This API's OpenAPI document, as `GET /openapi.json` serves it and `npm run openapi` writes it. */
import packageJson from '../../package.json' with { type: 'json' };
import { type OpenApiDocument, openApiDocument } from '../../shared/http/openapi';
import { routes } from '../routes';

const DESCRIPTION = [
  'The API of giao-ban: the monthly briefing meetings (giao ban) of a district party committee — its structure of zones, communes, cells and officials, the monthly cycles, meetings, agendas, minutes and announcements.',
  'Every route but the public ones needs a bearer token of the district’s Cognito user pool; what a caller may do comes from their assignments, and each operation names the roles that may call it.',
].join('\n\n');

let document: OpenApiDocument | undefined;
let serialized: string | undefined;

/** Built once per warm function: the route table does not change while it runs. */
export function describeApi(): OpenApiDocument {
  document ??= openApiDocument(routes, {
    title: 'giao-ban API',
    version: packageJson.version,
    description: DESCRIPTION,
  });
  return document;
}

/** The document as `GET /openapi.json` sends it, serialized once per warm function: 226 KiB of JSON took over 1 ms to write per request. */
export function serializedApiDescription(): string {
  serialized ??= JSON.stringify(describeApi());
  return serialized;
}
