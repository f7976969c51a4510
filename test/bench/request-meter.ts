/**
 * Counts what the process asks of DynamoDB, with a middleware on the application's own document
 * client (the one every handler and store uses): each call's command, time in flight, response
 * bytes and consumed capacity (DynamoDB Local reports it as DynamoDB would). The time the database
 * calls take, which the handler's own time excludes, runs from `send` to its answer: the SDK's work
 * before its first middleware (the command's middleware stack, built again for every call) is the
 * call's, not the handler's.
 */
import { documentClient } from '../../shared/db/client';
import { busyMillis, type Interval, roundTrips } from './measure';

export interface DatabaseCall extends Interval {
  readonly command: string;
  /** The items the call returned, as plain JSON: comparable with the JSON a route sends. */
  readonly bytes: number;
  readonly capacityUnits: number;
  /** When the meter counted the call's items, inside its `send`: not the database's time either. */
  readonly counting: Interval;
}

/** What a stretch of work asked: each request as the middleware saw it, and each `send` as the caller awaited it. */
export interface Recording {
  readonly calls: readonly DatabaseCall[];
  readonly sends: readonly Interval[];
}

const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
  'ScanCommand',
]);

export function isRead(call: DatabaseCall): boolean {
  return READS.has(call.command);
}

/** What a stretch of work asked of the database. */
export interface CallSummary {
  readonly calls: number;
  readonly reads: number;
  readonly readRoundTrips: number;
  readonly transactions: number;
  /** Writes other than transactions (batch writes of derived entries, single puts). */
  readonly otherWrites: number;
  readonly bytesRead: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Time during which some call was in flight, less the meter's counting. */
  readonly databaseMs: number;
  /** The meter's own counting, inside the calls' time: neither the database's time nor the handler's. */
  readonly meteringMs: number;
}

export function summarise({ calls, sends }: Recording): CallSummary {
  const reads = calls.filter(isRead);
  const writes = calls.filter((call) => !isRead(call));
  const metering = busyMillis(calls.map((call) => call.counting));
  const transactions = writes.filter((call) => call.command === 'TransactWriteItemsCommand').length;
  const sum = (of: readonly DatabaseCall[], value: (call: DatabaseCall) => number) =>
    of.reduce((total, call) => total + value(call), 0);
  return {
    calls: calls.length,
    reads: reads.length,
    readRoundTrips: roundTrips(reads),
    transactions,
    otherWrites: writes.length - transactions,
    bytesRead: sum(reads, (call) => call.bytes),
    readUnits: sum(reads, (call) => call.capacityUnits),
    writeUnits: sum(writes, (call) => call.capacityUnits),
    databaseMs: busyMillis(sends) - metering,
    meteringMs: metering,
  };
}

let recorded: DatabaseCall[] = [];
let sends: Interval[] = [];
let installed = false;

/** Starts recording every call of the process's document client; returns what was recorded before. */
export function startRecording(): Recording {
  if (!installed) install();
  const before = { calls: recorded, sends };
  recorded = [];
  sends = [];
  return before;
}

function install(): void {
  installed = true;
  const client = documentClient();
  const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { send: unknown }).send = async (...args: unknown[]) => {
    const start = performance.now();
    try {
      return await send(...args);
    } finally {
      sends.push({ start, end: performance.now() });
    }
  };
  const stack = client.middlewareStack;
  // outermost: the whole call as the caller waits for it, retries included, and its items unmarshalled.
  stack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const start = performance.now();
      const result = await next(args);
      const end = performance.now();
      const consumed = (
        result.output as { ConsumedCapacity?: { CapacityUnits?: number }[] | { CapacityUnits?: number } }
      ).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((total, entry) => total + (entry.CapacityUnits ?? 0), 0);
      const { Item, Items, Responses } = result.output as Record<string, unknown>;
      const bytes = Buffer.byteLength(JSON.stringify([Item, Items, Responses].filter(Boolean))) - 2;
      // over a millisecond for the 200 KiB a structure import reads: neither the handler's time nor the database's.
      recorded.push({
        command: context.commandName ?? 'unknown',
        start,
        end,
        bytes,
        capacityUnits: units,
        counting: { start: end, end: performance.now() },
      });
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchRecorder' },
  );
}
