/**
 * Starting the import worker: one asynchronous Lambda Invoke (`InvocationType: Event`), signed with
 * the SDK's own Signature V4 signer, credential chain and HTTP handler, the ones the DynamoDB client
 * already brings into the bundle. The Lambda client would add about 70 KiB (its error and command
 * schemas for the whole Lambda API register on import) to every function that starts jobs, for
 * this one call.
 *
 * As the SDK does, a throttled (429) or failing (5xx) answer and a network error are retried, three
 * attempts in all with jittered backoff; any other answer is an error naming Lambda's error type.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler, streamCollector } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { REQUEST_TIMEOUTS } from '../../db/client';

const ATTEMPTS = 3;
const BASE_DELAY_MS = 100;
/** Lambda's answer to an accepted asynchronous invocation. */
const ACCEPTED = 202;

export interface LambdaEndpoint {
  readonly region: string;
  /** @default - `https://lambda.<region>.amazonaws.com` */
  readonly url?: string;
  /** @default - the SDK's default chain (in Lambda, the function's role) */
  readonly credentials?: AwsCredentialIdentityProvider;
}

/** What an invocation Lambda refused or failed says, with its HTTP status. */
export class InvocationError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(`Lambda Invoke answered ${status} ${errorType}: ${message}`);
    this.name = 'InvocationError';
  }
}

let handler: NodeHttpHandler | undefined;

/** Signs one Invoke request; exported for the tests, which check the signature as Lambda does. */
export function invocationSigner(endpoint: LambdaEndpoint): SignatureV4 {
  return new SignatureV4({
    service: 'lambda',
    region: endpoint.region,
    credentials: endpoint.credentials ?? defaultProvider(),
    sha256: Sha256,
  });
}

async function attempt(signer: SignatureV4, request: HttpRequest): Promise<void> {
  handler ??= new NodeHttpHandler(REQUEST_TIMEOUTS);
  const { response } = await handler.handle((await signer.sign(request)) as HttpRequest);
  const body = new TextDecoder().decode(await streamCollector(response.body));
  if (response.statusCode === ACCEPTED) return;
  const errorType = String(response.headers['x-amzn-errortype'] ?? 'UnknownError').split(':')[0] ?? 'UnknownError';
  let message = body;
  try {
    message = String((JSON.parse(body) as { message?: unknown; Message?: unknown }).message ?? body);
  } catch {
    // not JSON: the body as it came.
  }
  throw new InvocationError(response.statusCode, errorType, message);
}

const retryable = (error: unknown) =>
  !(error instanceof InvocationError) || error.status === 429 || error.status >= 500;

/** Invokes `functionName` asynchronously with `payload` (JSON); resolves once Lambda has queued it. */
export async function invokeAsynchronously(
  functionName: string,
  payload: string,
  endpoint: LambdaEndpoint,
): Promise<void> {
  const url = new URL(endpoint.url ?? `https://lambda.${endpoint.region}.amazonaws.com`);
  const request = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port && { port: Number(url.port) }),
    path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
    headers: {
      host: url.host,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      'x-amz-invocation-type': 'Event',
    },
    body: payload,
  });
  const signer = invocationSigner(endpoint);
  for (let tried = 1; ; tried++) {
    try {
      return await attempt(signer, request);
    } catch (error) {
      if (tried >= ATTEMPTS || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BASE_DELAY_MS * 2 ** tried));
    }
  }
}
