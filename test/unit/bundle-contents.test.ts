/**
 * What each function's bundle carries, bundled as the stack bundles them: the packages of the floor
 * (the DynamoDB document client) and the few every handler shares, nothing else: a package entering
 * a bundle, with its bytes and cold start, is a decision made here (the .docx library, the
 * Lambda client and Powertools Logger were replaced by `functions/answers/wordprocessing.ts`,
 * `worker-invocation.ts` and the request log's own JSON line). A function also carries only its own
 * half of its area's route table, so that it builds no schema of the other half's routes.
 */
import { resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type FunctionDefinition, functions } from '../../functions/routes';
import { esbuildFunctionOptions } from '../../infra/constructs/function-bundle';
import { FLOOR_SOURCE } from '../bench/bundles';

const root = resolve(import.meta.dirname, '../..');

/** What handlers share beyond the floor: request validation. */
const SHARED = ['zod'];

/** The files a bundle is built from, relative to the repository root. */
async function bundledInputs(entry: BuildOptions): Promise<string[]> {
  const result = await build({
    ...entry,
    ...esbuildFunctionOptions,
    write: false,
    outdir: 'unwritten',
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.inputs);
}

function packagesOf(inputs: readonly string[]): Set<string> {
  const packages = inputs.flatMap((input) => {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    return name ? [name] : [];
  });
  return new Set(packages);
}

/** The half of an area's route table a function must not carry: a reader's write half, a writer's read half. */
const otherHalf = { read: 'routes-write.ts', 'read-write': 'routes-read.ts' } as const;

const bundles = Promise.all(
  Object.entries(functions).map(async ([name, definition]) => ({
    name,
    definition: definition as FunctionDefinition,
    inputs: await bundledInputs({ entryPoints: [resolve(root, definition.entry)] }),
  })),
);

describe('the functions’ bundles', () => {
  it('carry the floor’s packages and the shared ones, nothing else', async () => {
    const floor = packagesOf(
      await bundledInputs({ stdin: { contents: FLOOR_SOURCE, resolveDir: root, loader: 'ts' } }),
    );
    const carried: Record<string, string[]> = {};
    for (const { name, inputs } of await bundles) {
      for (const found of packagesOf(inputs)) {
        if (!floor.has(found) && !SHARED.includes(found)) carried[found] = [...(carried[found] ?? []), name];
      }
    }

    expect(carried).toEqual({});
  }, 60_000);

  it('carry only their own half of their area’s route table', async () => {
    const halves: Record<string, string[]> = {};
    for (const { name, definition, inputs } of await bundles) {
      halves[name] = inputs.filter((input) => /^functions\/[^/]+\/routes-(read|write)\.ts$/.test(input));
      if (definition.table === 'none') continue;
      expect(halves[name], name).not.toContainEqual(expect.stringMatching(`/${otherHalf[definition.table]}$`));
    }
    // The rule above is no rule if no function carries a half.
    expect(halves.cycleRead).toEqual(['functions/cycle/routes-read.ts']);
    expect(halves.cycleWrite).toEqual(['functions/cycle/routes-write.ts']);
  }, 60_000);
});
