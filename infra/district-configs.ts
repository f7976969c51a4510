/**
 * Loads the district configuration files (`infra/districts/<id>.json`) the CDK app deploys. Every
 * file is checked in full (schema, then references) so one run reports every problem at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkConfigReferences,
  type DistrictConfig,
  districtConfigSchema,
} from '../shared/domain/structure/district-config';
import { problemsOf } from '../shared/domain/validation';

/** Where the district configuration files live. */
export const DISTRICTS_DIRECTORY = fileURLToPath(new URL('./districts', import.meta.url));

/** One problem in one file, with its JSON pointer. */
export interface DistrictConfigProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Thrown when any district file is unreadable or invalid; the message lists every problem. */
export class DistrictConfigError extends Error {
  override readonly name = 'DistrictConfigError';

  constructor(readonly problems: readonly DistrictConfigProblem[]) {
    super(
      [
        `invalid district configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
        ...problems.map((problem) => `  ${problem.file}${problem.path}: ${problem.message}`),
      ].join('\n'),
    );
  }
}

/**
 * Reads and validates every `*.json` file in `directory`, sorted by file name.
 *
 * @param directory - the folder to read; the repository's `infra/districts` unless given
 * @throws DistrictConfigError listing every problem of every file, or when the folder holds no file
 */
export function loadDistrictConfigs(directory: string = DISTRICTS_DIRECTORY): DistrictConfig[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) {
    throw new DistrictConfigError([{ file: directory, path: '', message: 'no district file (<id>.json) found' }]);
  }
  const problems: DistrictConfigProblem[] = [];
  const configs: DistrictConfig[] = [];
  for (const file of files) {
    const result = parseDistrictFile(join(directory, file));
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => ({ file, ...problem })));
      continue;
    }
    const { config } = result;
    // the file name is the id the CLI selects (`-c district=<id>`), which also keeps ids unique.
    const expectedFile = `${config.district.id}.json`;
    if (file !== expectedFile) {
      problems.push({
        file,
        path: '/district/id',
        message: `district "${config.district.id}" belongs in ${expectedFile}`,
      });
    }
    configs.push(config);
  }
  if (problems.length > 0) throw new DistrictConfigError(problems);
  return configs;
}

type ParseResult =
  | { readonly ok: true; readonly config: DistrictConfig }
  | { readonly ok: false; readonly problems: readonly Omit<DistrictConfigProblem, 'file'>[] };

function parseDistrictFile(filePath: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    // a syntax error names its position, which is all a reader needs to fix the file.
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = districtConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: problemsOf(parsed.error).map(({ path, message }) => ({ path, message })) };
  }
  const referenceProblems = checkConfigReferences(parsed.data);
  if (referenceProblems.length > 0) {
    return {
      ok: false,
      problems: referenceProblems.map((problem) => ({ path: problem.path, message: problem.message })),
    };
  }
  return { ok: true, config: parsed.data };
}
