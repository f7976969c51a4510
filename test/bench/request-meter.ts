/**
 * Counts what the process asks of DynamoDB, with a middleware on the application's own document
 * client (the one every handler and store uses): each call's command, time in flight, response
 * bytes and consumed capacity (DynamoDB Local reports it as DynamoDB would).
 */
import { documentClient } from '../../shared/db/client';
import { busyMillis, type Interval, roundTrips } from './measure';

export interface DatabaseCall extends Interval {
  readonly command: string;
  /** The items the call returned, as plain JSON: comparable with the JSON a route sends. */
  readonly bytes: number;
  readonly capacityUnits: number;
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
  /** Time during which some call was in flight. */
  readonly databaseMs: number;
}

export function summarise(calls: readonly DatabaseCall[]): CallSummary {
  const reads = calls.filter(isRead);
  const writes = calls.filter((call) => !isRead(call));
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
    databaseMs: busyMillis(calls),
  };
}

let recorded: DatabaseCall[] = [];
let installed = false;

/** Starts recording every call of the process's document client; returns what was recorded before. */
export function startRecording(): DatabaseCall[] {
  if (!installed) install();
  const before = recorded;
  recorded = [];
  return before;
}

function install(): void {
  installed = true;
  const stack = documentClient().middlewareStack;
  // outermost: the whole call as the caller waits for it, retries included, and its items unmarshalled.
  stack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const start = performance.now();
      const result = await next(args);
      const consumed = (
        result.output as { ConsumedCapacity?: { CapacityUnits?: number }[] | { CapacityUnits?: number } }
      ).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((total, entry) => total + (entry.CapacityUnits ?? 0), 0);
      const { Item, Items, Responses } = result.output as Record<string, unknown>;
      const bytes = Buffer.byteLength(JSON.stringify([Item, Items, Responses].filter(Boolean))) - 2;
      // the call ends for its caller when this middleware returns: the meter's own counting (over a
      // millisecond for the 200 KiB a structure import reads) is not the handler's time.
      recorded.push({
        command: context.commandName ?? 'unknown',
        start,
        end: performance.now(),
        bytes,
        capacityUnits: units,
      });
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchRecorder' },
  );
}
