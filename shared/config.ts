/** Runtime configuration: the only module that reads `process.env`, parsed once per process. */
import * as z from 'zod/mini';
import { lazy } from './domain/schema-kit';

const configSchema = lazy(() =>
  z.object({
    TABLE_NAME: z.string().check(z.minLength(1)),
    DISTRICT_ID: z.string().check(z.minLength(1)),
    /** Set only for DynamoDB Local; in AWS the SDK finds the regional endpoint. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    AWS_REGION: z._default(z.string(), 'ap-southeast-1'),
    /**
     * The function that runs accepted imports (set on the import function only); without it, as
     * locally, an import runs in the process that accepted it.
     */
    IMPORT_WORKER_FUNCTION: z.optional(z.string().check(z.minLength(1))),
    /** How long a warm function trusts the caller's assignments it has read. */
    ACCESS_CACHE_SECONDS: z._default(z.coerce.number(), 30),
  }),
);

export type Config = z.infer<typeof configSchema>;

/** The environment variable names the CDK stack must set for every function. */
export const configVariableNames = ['TABLE_NAME', 'DISTRICT_ID'] as const;

let cached: Config | undefined;

/** Returns the parsed configuration; throws at first use if a variable is missing. */
export function config(): Config {
  cached ??= configSchema.parse(process.env);
  return cached;
}

/**
 * The X-Ray trace of the invocation running now (`Root=1-…;Parent=…;Sampled=…` in
 * `_X_AMZN_TRACE_ID`, which Lambda sets anew for each invocation, hence read every time): its root,
 * which joins a log line to its trace; undefined outside Lambda.
 */
export function invocationTraceId(): string | undefined {
  return /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
}

const cognitoSchema = lazy(() =>
  z.object({
    /** The district's user pool (the `UserPoolId` output of its API stack). */
    USER_POOL_ID: z.optional(z.string().check(z.minLength(1))),
    /** Its app client (the `UserPoolClientId` output). */
    USER_POOL_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
    AWS_REGION: z._default(z.string(), 'ap-southeast-1'),
  }),
);

/** What the `users` tool needs besides the table: set by the deployer, never by a function. */
export type CognitoConfig = z.infer<typeof cognitoSchema>;

export function cognitoConfig(): CognitoConfig {
  return cognitoSchema.parse(process.env);
}
