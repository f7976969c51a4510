/**
 * The CDK app: one data stack and one API stack per selected district, checked by cdk-nag.
 * `cdk deploy -c district=<id>` deploys one district; `-c district=all` every district file that
 * is not a sample. Samples need `-c allowSamples=true`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { DistrictConfig } from '../shared/domain/structure/district-config';
import { DistrictConfigError, loadDistrictConfigs } from './district-configs';
import { ApiStack } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';

/** The context key that selects districts: an id, several ids separated by commas, or `all`. */
export const DISTRICT_CONTEXT_KEY = 'district';
export const ALL_DISTRICTS = 'all';
/** The context key that lets sample districts (`"sample": true`) be synthesised: `-c allowSamples=true`. */
export const ALLOW_SAMPLES_CONTEXT_KEY = 'allowSamples';

export interface BuildAppOptions {
  /**
   * District ids to synthesise, or `['all']`.
   *
   * @default - read from the `district` context (`cdk synth -c district=<id>`)
   */
  readonly districtIds?: readonly string[];
  /**
   * The district configurations to choose from.
   *
   * @default - every file in `infra/districts`
   */
  readonly configs?: readonly DistrictConfig[];
  /**
   * Whether sample districts may be built: their officials are invented, so a real account gets
   * them only on purpose.
   *
   * @default - read from the `allowSamples` context (`-c allowSamples=true`), else false
   */
  readonly allowSamples?: boolean;
  /** @default - the CLI's context and output directory */
  readonly appProps?: AppProps;
}

/** The stacks of one district. */
export interface DistrictStacks {
  readonly config: DistrictConfig;
  readonly data: DataStack;
  readonly api: ApiStack;
}

export interface GiaoBanApp {
  readonly app: App;
  readonly districts: readonly DistrictStacks[];
}

/** Thrown when the selection names no district or an unknown one; the message lists the known ids. */
export class DistrictSelectionError extends Error {
  override readonly name = 'DistrictSelectionError';
}

/**
 * Resolves a selection (from options or context) to district configurations. `all` means every
 * district that is not a sample, or every district with `allowSamples`; a sample named by its id
 * without `allowSamples` is refused.
 *
 * @throws DistrictSelectionError naming the known ids when the selection is missing or unknown,
 * and saying how to allow samples when it would deploy one or nothing
 */
export function selectDistricts(
  selection: unknown,
  configs: readonly DistrictConfig[],
  allowSamples = false,
): DistrictConfig[] {
  const known = configs.map((config) => config.district.id);
  const usage = `choose one with -c ${DISTRICT_CONTEXT_KEY}=<id> (or ${ALL_DISTRICTS}); known districts: ${known.join(', ')}`;
  const allowHint = `pass -c ${ALLOW_SAMPLES_CONTEXT_KEY}=true to deploy sample data on purpose`;
  const ids = toIds(selection);
  if (ids.length === 0) throw new DistrictSelectionError(`no district selected: ${usage}`);
  if (ids.includes(ALL_DISTRICTS)) {
    const chosen = configs.filter((config) => allowSamples || !config.sample);
    if (chosen.length === 0) {
      throw new DistrictSelectionError(`every district file is sample data ("sample": true): ${allowHint}`);
    }
    return chosen;
  }
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new DistrictSelectionError(`unknown district ${unknown.map((id) => `"${id}"`).join(', ')}: ${usage}`);
  }
  const chosen = configs.filter((config) => ids.includes(config.district.id));
  const samples = chosen.filter((config) => config.sample).map((config) => `"${config.district.id}"`);
  if (samples.length > 0 && !allowSamples) {
    throw new DistrictSelectionError(
      `district ${samples.join(', ')} is sample data ("sample": true, invented officials): ${allowHint}`,
    );
  }
  return chosen;
}

/** `-c allowSamples=true` arrives as the string "true"; a test's context may hold the boolean. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function toIds(selection: unknown): string[] {
  const parts = typeof selection === 'string' ? selection.split(',') : Array.isArray(selection) ? selection : [];
  return parts
    .filter((part): part is string => typeof part === 'string')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Builds the app for the selected districts, with cdk-nag's AWS Solutions and Serverless packs attached. */
export function buildApp(options: BuildAppOptions = {}): GiaoBanApp {
  const app = new App(options.appProps);
  const configs = options.configs ?? loadDistrictConfigs();
  const selected = selectDistricts(
    options.districtIds ?? app.node.tryGetContext(DISTRICT_CONTEXT_KEY),
    configs,
    options.allowSamples ?? isTrue(app.node.tryGetContext(ALLOW_SAMPLES_CONTEXT_KEY)),
  );

  const districts = selected.map((config) => {
    const districtId = config.district.id;
    // stack tags: CloudFormation passes them on to every resource that takes tags.
    const tags = { app: 'giao-ban', district: districtId };
    const data = new DataStack(app, `GiaoBan-${districtId}-Data`, {
      districtId,
      tags,
      restoredTableName: config.deployment.restoredTableName,
      login: config.deployment.login,
    });
    const api = new ApiStack(app, `GiaoBan-${districtId}-Api`, {
      districtId,
      tags,
      table: data.table,
      identity: data.identity,
      deployment: config.deployment,
    });
    return { config, data, api };
  });

  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
  );
  return { app, districts };
}

/** True when this module is the program (`tsx infra/app.ts`), not imported by a test. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  try {
    buildApp().app.synth();
  } catch (error) {
    // a wrong selection or district file is the user's to fix: the message says how, a stack trace would bury it.
    if (!(error instanceof DistrictSelectionError || error instanceof DistrictConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
