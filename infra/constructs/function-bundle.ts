/**
 * How every function is bundled: one definition, read by the stack (`handler-function.ts`, through
 * NodejsFunction) and by `npm run bench` and the bundle tests (through esbuild's API), so that what
 * they measure is what is deployed.
 */
import type { BuildOptions } from 'esbuild';

/** Bundled SDK code calls `require`, which an ESM bundle lacks unless the banner defines it. */
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export const functionBundle = {
  /** esbuild's target for the Node.js 24 runtime, so the bundle keeps the syntax it runs natively. */
  target: 'node24',
  /** The SDK's ES module builds first: smaller and faster to import than its CommonJS ones. */
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /**
   * Text as UTF-8, not escaped to ASCII: Vietnamese messages then take 2-3 bytes a letter instead
   * of 4-6 (`\u1ED9`), about 5 KB of a handler's bundle.
   */
  charset: 'utf8',
  minify: true,
  sourceMap: true,
  // stack traces need line mappings only; embedded sources would double the upload.
  sourcesContent: false,
} as const;

/**
 * The same bundle through esbuild's API, as NodejsFunction runs it (ESM, for Node, the SDK inside):
 * `entryPoints` and `outfile` are the caller's.
 */
export const esbuildFunctionOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: functionBundle.target,
  mainFields: [...functionBundle.mainFields],
  banner: { js: functionBundle.banner },
  charset: functionBundle.charset,
  minify: functionBundle.minify,
  sourcemap: functionBundle.sourceMap,
  sourcesContent: functionBundle.sourcesContent,
};
