/**
 * Records every DynamoDB request the process's document client sends, through an SDK middleware:
 * how many calls an operation makes, and the bytes of the items it reads and writes. It sees the
 * low-level command names (`GetItemCommand`, `TransactWriteItemsCommand`…) with the document
 * client's plain items.
 */

type Item = Record<string, unknown>;

import { documentClient } from '../../shared/db/client';

export interface RecordedCall {
  readonly command: string;
  readonly input: Record<string, unknown>;
  readonly output: Record<string, unknown>;
  /** Set on a call the database refused (a failed condition, a cancelled transaction). */
  readonly refused?: true;
}

const recorded: RecordedCall[] = [];
let installed = false;
let withRefused = false;

/**
 * Starts recording (from empty); the returned list fills as calls are made. Calls the database
 * refused are left out unless `refused` is asked for: the write a change tried and lost counts too.
 */
export function recordDynamoCalls(options: { readonly refused?: boolean } = {}): RecordedCall[] {
  if (!installed) {
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const call = { command: context.commandName ?? 'unknown', input: args.input as Record<string, unknown> };
        try {
          const result = await next(args);
          recorded.push({ ...call, output: result.output as Record<string, unknown> });
          return result;
        } catch (error) {
          if (withRefused) recorded.push({ ...call, output: {}, refused: true });
          throw error;
        }
      },
      { step: 'initialize', name: 'testCallRecorder' },
    );
    installed = true;
  }
  withRefused = options.refused === true;
  recorded.length = 0;
  return recorded;
}

/** Bytes of a value as JSON: close to DynamoDB's own measure of an item's size. */
export function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The items a recorded call read (Query, GetItem, BatchGetItem). */
export function itemsRead(call: RecordedCall): Item[] {
  const output = call.output as { Items?: Item[]; Item?: Item; Responses?: Record<string, Item[]> };
  return output.Items ?? (output.Item ? [output.Item] : Object.values(output.Responses ?? {}).flat());
}

/** The items a recorded transaction wrote (puts only). */
export function itemsPut(call: RecordedCall): Item[] {
  const actions = (call.input.TransactItems ?? []) as { Put?: { Item: Item } }[];
  return actions.flatMap((action) => (action.Put ? [action.Put.Item] : []));
}
