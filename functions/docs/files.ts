/**
 * The files of the API reference page. Swagger UI comes from `swagger-ui-dist` (no CDN): the
 * stack copies exactly the package files named here beside the docs function's bundle.
 */
export const SWAGGER_UI_PACKAGE = 'swagger-ui-dist';

export const DOCS_PAGE_MEDIA = 'text/html; charset=utf-8';

/** Each file the page loads from `/docs/<name>`, with its media type; `start.js` is ours. */
export const docsFiles = {
  'swagger-ui.css': { media: 'text/css; charset=utf-8', fromPackage: true },
  'swagger-ui-bundle.js': { media: 'text/javascript; charset=utf-8', fromPackage: true },
  'start.js': { media: 'text/javascript; charset=utf-8', fromPackage: false },
} as const;

export type DocsFileName = keyof typeof docsFiles;
export const docsFileNames = Object.keys(docsFiles) as DocsFileName[];

/** `swagger-ui-dist/<file>` for every package file the function reads, and the package's manifest and licence. */
export const docsPackageFiles: readonly string[] = [
  'package.json',
  'LICENSE',
  'NOTICE',
  ...docsFileNames.filter((name) => docsFiles[name].fromPackage),
].map((file) => `${SWAGGER_UI_PACKAGE}/${file}`);
