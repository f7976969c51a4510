/**
 * What each function's bundle carries, bundled as the stack bundles them: the packages of the floor
 * (the DynamoDB document client) and the few every handler shares, nothing else: a package entering
 * a bundle, with its bytes and cold start, is a decision made here (the .docx library, the
 * Lambda client and Powertools Logger were replaced by `functions/answers/wordprocessing.ts`,
 * `worker-invocation.ts` and the request log's own JSON line).
 */
import { resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes';
import { esbuildFunctionOptions } from '../../infra/constructs/function-bundle';
import { FLOOR_SOURCE } from '../bench/bundles';

const root = resolve(import.meta.dirname, '../..');

/** What handlers share beyond the floor: request validation. */
const SHARED = ['zod'];

async function bundledPackages(entry: BuildOptions): Promise<Set<string>> {
  const result = await build({
    ...entry,
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
  it('carry the floor’s packages and the shared ones, nothing else', async () => {
    const floor = await bundledPackages({ stdin: { contents: FLOOR_SOURCE, resolveDir: root, loader: 'ts' } });
    const carried: Record<string, string[]> = {};
    for (const [name, definition] of Object.entries(functions)) {
      const packages = await bundledPackages({ entryPoints: [resolve(root, definition.entry)] });
      for (const found of packages) {
        if (!floor.has(found) && !SHARED.includes(found)) carried[found] = [...(carried[found] ?? []), name];
      }
    }

    expect(carried).toEqual({});
  }, 60_000);
});
