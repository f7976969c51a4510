/**
 * The local gateway in this process, and one call through it measured: the database requests
 * recorded between request and answer (calls are made one at a time), the reply's size, and the
 * handler's own time (its logged duration less the time some database call was in flight).
 */
import type { AddressInfo } from 'node:net';
import { createGateway } from '../../infra/local/gateway';
import { createLocalIssuer } from '../../infra/local/jwt';
import type { RequestOutcome } from '../../shared/observability/request-log';
import { median } from './measure';
import { type CallSummary, startRecording, summarise } from './request-meter';

/** One call: who asks (an official id), and the resource whose ETag goes in `If-Match`. */
export interface Step {
  readonly method: string;
  readonly path: string;
  readonly as: string;
  readonly body?: unknown;
  /** A body sent as it is (a CSV file) with this type, instead of as JSON. */
  readonly contentType?: string;
  readonly ifMatchOf?: string;
}

export interface Measured {
  readonly status: number;
  readonly problem?: string;
  /** The `Location` answered, e.g. an accepted job's. */
  readonly location?: string;
  readonly calls: CallSummary;
  readonly responseBytes: number;
  /** The whole call as the client waited for it. */
  readonly totalMs: number;
  readonly handlerMs: number;
}

export interface BenchGateway {
  send(step: Step): Promise<Measured>;
  close(): void;
}

export async function startBenchGateway(): Promise<BenchGateway> {
  const issuer = await createLocalIssuer();
  const log: RequestOutcome[] = [];
  const server = createGateway(issuer, { requestLog: (outcome) => log.push(outcome) });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();

  const send = async (step: Step): Promise<Measured> => {
    const token = tokens.get(step.as) ?? (await issuer.sign(`sample-${step.as}`));
    tokens.set(step.as, token);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (step.ifMatchOf) {
      const current = await fetch(`${base}${step.ifMatchOf}`, { headers });
      headers['if-match'] = current.headers.get('etag') ?? '';
    }
    const raw = step.contentType !== undefined && typeof step.body === 'string';
    if (step.body !== undefined) headers['content-type'] = raw ? (step.contentType as string) : 'application/json';
    startRecording();
    const started = performance.now();
    const response = await fetch(`${base}${step.path}`, {
      method: step.method,
      headers,
      body: step.body === undefined ? undefined : raw ? (step.body as string) : JSON.stringify(step.body),
    });
    const text = Buffer.from(await response.arrayBuffer());
    const totalMs = performance.now() - started;
    const calls = summarise(startRecording());
    const outcome = log.at(-1) as RequestOutcome;
    return {
      status: response.status,
      problem: outcome.problemCode,
      location: response.headers.get('location') ?? undefined,
      calls,
      responseBytes: text.byteLength,
      totalMs,
      handlerMs: outcome.durationMs - calls.databaseMs - calls.meteringMs,
    };
  };
  return {
    send,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A route's runs in one: the median handler time, and the first run's apart (one-time costs, shown, not budgeted). */
export interface RouteRuns extends Measured {
  readonly firstHandlerMs: number;
}

/** The last run's counts (the warmest), with the median of the runs' handler times. */
export function medianRun(runs: readonly Measured[]): RouteRuns {
  return {
    ...(runs.at(-1) as Measured),
    handlerMs: median(runs.map((run) => run.handlerMs)),
    firstHandlerMs: (runs[0] as Measured).handlerMs,
  };
}
