/**
 * What each function's bundle carries, bundled as the stack bundles them: the .docx writer (the
 * `docx` package, a few hundred KiB) only in the function that reads responses as documents.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes';
import { esbuildFunctionOptions } from '../../infra/constructs/function-bundle';

const root = resolve(import.meta.dirname, '../..');

async function bundledPackages(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    ...esbuildFunctionOptions,
    write: false,
    outdir: 'unwritten',
    metafile: true,
    logLevel: 'error',
  });
  const packages = Object.keys(result.metafile.inputs).flatMap((input) => {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    return name ? [name] : [];
  });
  return new Set(packages);
}

describe('the functions’ bundles', () => {
  it('carry the docx package in the response document’s function only', async () => {
    const withDocx: string[] = [];
    for (const [name, definition] of Object.entries(functions)) {
      if ((await bundledPackages(definition.entry)).has('docx')) withDocx.push(name);
    }

    expect(withDocx).toEqual(['responseDocument']);
  }, 60_000);
});
