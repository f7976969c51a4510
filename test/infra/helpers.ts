/** Small readers over synthesised templates and cdk-nag, shared by the infra tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, type AppProps, type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * The context `cdk.json` gives the CLI's synthesis, feature flags included: an `App` built in a
 * test does not read `cdk.json`, so without it the tests would check another template than the deployed one.
 */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8'),
).context;

/** App settings as `cdk synth` has them. */
export const AS_CDK_SYNTH: AppProps = { context: CDK_JSON_CONTEXT };

/**
 * App settings for tests that need neither handler bundles nor CloudFormation's schema check:
 * `gia-loc.test.ts` proves both once; skipping them elsewhere keeps the suite quick.
 */
export const WITHOUT_BUNDLING_OR_SCHEMA_CHECK: AppProps = {
  builtinCloudFormationValidation: false,
  context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] },
};

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** The resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}

/** The only element of a list, failing the test when there is not exactly one. */
export function only<T>(items: readonly T[], what: string): T {
  const [first] = items;
  if (items.length !== 1 || first === undefined) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return first;
}

/** The logical id CloudFormation knows a construct's resource by. */
export function logicalIdOf(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).resolve(element.logicalId) as string;
}

/** Every IAM action granted to a role through the policies attached to it. */
export function actionsOfRole(template: Template, roleLogicalId: string): string[] {
  const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).map(
    (policy) => policy.Properties as { Roles: unknown; PolicyDocument: { Statement: { Action: string | string[] }[] } },
  );
  return policies
    .filter((policy) => JSON.stringify(policy.Roles).includes(`"${roleLogicalId}"`))
    .flatMap((policy) => policy.PolicyDocument.Statement)
    .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}

/**
 * cdk-nag's unacknowledged findings (errors and warnings) under a scope, one line each. cdk-nag 3
 * runs as a policy validation plugin: `validateScope` is its documented direct entry point and
 * applies the same `Validations.of(...).acknowledge()` records as synthesis does.
 */
export function nagFindings(scope: IConstruct): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((violation) =>
        violation.violatingResources.map(
          (resource) => `${violation.severity ?? 'error'} ${violation.ruleName} at ${resource.constructPath}`,
        ),
      ),
  );
}

/** The policy validation report synthesis writes into the cloud assembly (`validation-report.json`). */
export function validationReport(app: App): { pluginReports: unknown[] } {
  const assembly = app.synth();
  return JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
}
