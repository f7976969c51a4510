/**
 * Starting the import worker without the Lambda client: the request a stand-in for Lambda's
 * endpoint receives is the asynchronous Invoke, its Signature V4 covering what was sent; throttled
 * and failing answers are retried, a refusal is not.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest } from '@smithy/core/transport';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  InvocationError,
  invocationSigner,
  invokeAsynchronously,
  type LambdaEndpoint,
} from '../../shared/services/imports/worker-invocation';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const received: Received[] = [];
/** The answers the stand-in gives, in order; 202 once they run out. */
let answers: { status: number; type?: string; body?: string }[] = [];
let server: Server;
let endpoint: LambdaEndpoint;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      const answer = answers.shift() ?? { status: 202 };
      response.writeHead(answer.status, answer.type ? { 'x-amzn-ErrorType': answer.type } : {});
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  endpoint = {
    region: 'ap-southeast-1',
    url: `http://127.0.0.1:${port}`,
    credentials: async () => ({ accessKeyId: 'AKIDGIAOBAN', secretAccessKey: 'not-a-secret', sessionToken: 'token-1' }),
  };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answers = [];
});

const PAYLOAD = JSON.stringify({ jobId: 'job-1', by: { actor: { id: 'van-phong-1' }, person: { name: 'Lê Thị Hà' } } });

describe('invoking the import worker asynchronously', () => {
  it('posts the payload to the function’s invocations as an Event, signed over what was sent', async () => {
    await invokeAsynchronously('giao-ban-gia-loc-ImportWorker', PAYLOAD, endpoint);

    expect(received).toHaveLength(1);
    const [request] = received as [Received];
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/2015-03-31/functions/giao-ban-gia-loc-ImportWorker/invocations');
    expect(request.headers['x-amz-invocation-type']).toBe('Event');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-amz-security-token']).toBe('token-1');
    expect(request.body).toBe(PAYLOAD);
    const authorization = String(request.headers.authorization);
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDGIAOBAN\/\d{8}\/ap-southeast-1\/lambda\/aws4_request, SignedHeaders=[^,]*x-amz-invocation-type[^,]*, Signature=[0-9a-f]{64}$/,
    );

    // Lambda's check: the request as received, signed again at its own date, gives the same signature.
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    const asReceived = new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: request.path,
      headers: Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])])),
      body: request.body,
    });
    const amzDate = String(request.headers['x-amz-date']);
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13)}`,
    );
    const again = await invocationSigner(endpoint).sign(asReceived, { signingDate });
    expect(again.headers.authorization).toBe(authorization);
  });

  it('retries a throttled and a failing answer, then succeeds', async () => {
    answers = [
      { status: 429, type: 'TooManyRequestsException', body: '{"message":"Rate exceeded"}' },
      { status: 503, type: 'ServiceException' },
    ];

    await invokeAsynchronously('worker', PAYLOAD, endpoint);

    expect(received).toHaveLength(3);
  });

  it('stops after three failing attempts, with Lambda’s error', async () => {
    answers = [{ status: 500 }, { status: 500 }, { status: 502, type: 'ServiceException', body: '{"message":"down"}' }];

    await expect(invokeAsynchronously('worker', PAYLOAD, endpoint)).rejects.toThrow(
      'Lambda Invoke answered 502 ServiceException: down',
    );
    expect(received).toHaveLength(3);
  });

  it('does not retry a refusal, and names it', async () => {
    answers = [
      {
        status: 404,
        type: 'ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.awslambda/',
        body: '{"Type":"User","message":"Function not found: worker"}',
      },
    ];

    const refusal = invokeAsynchronously('worker', PAYLOAD, endpoint);

    await expect(refusal).rejects.toBeInstanceOf(InvocationError);
    await expect(refusal).rejects.toMatchObject({
      name: 'InvocationError',
      status: 404,
      errorType: 'ResourceNotFoundException',
    });
    expect(received).toHaveLength(1);
  });

  it('names a refusal without an error type UnknownError, with its body as the message', async () => {
    answers = [{ status: 400, body: 'bad request' }];

    await expect(invokeAsynchronously('worker', PAYLOAD, endpoint)).rejects.toMatchObject({
      status: 400,
      errorType: 'UnknownError',
      message: 'Lambda Invoke answered 400 UnknownError: bad request',
    });
    expect(received).toHaveLength(1);
  });
});
