/**
 * Many proposals written fast, for the bench: each record built as the historical import builds it
 * (`importedRecord`), its items as the store adds them (`addProposal`, `remainingWordEntries`), but written
 * with batch writes instead of one transaction per few records. The change set's transaction is
 * captured before it is sent (an SDK middleware answers it), its puts go out in batches and its
 * counter updates are summed per item. Audit records are left out: no measured read touches them.
 */
import { BatchWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient, tableName } from '../../shared/db/client';
import { type ImportRow, importedRecord } from '../../shared/domain/imports/legacy-proposals';
import { addProposal, remainingWordEntries } from '../../shared/services/proposals/proposal-store';

type Item = Record<string, unknown>;
interface TransactItem {
  readonly Put?: { Item: Item };
  readonly Update?: UpdateCommandInput & { Key: Item };
}

const RECORDS_PER_CHANGE = 8;
const BATCH = 25;
const CONCURRENT_BATCHES = 16;
const SEEDER = { actor: { id: 'bench' }, person: { officialId: 'bench', name: 'Bench' } };

let captured: TransactItem[][] | undefined;
let installed = false;

/** The transaction `changes` would commit, captured instead of sent. */
async function itemsOf(changes: ChangeSet): Promise<TransactItem[]> {
  if (!installed) {
    installed = true;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (captured && context.commandName === 'TransactWriteItemsCommand') {
          captured.push((args.input as { TransactItems: TransactItem[] }).TransactItems);
          return { output: { $metadata: {} }, response: {} } as Awaited<ReturnType<typeof next>>;
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'benchCapture' },
    );
  }
  captured = [];
  await changes.commit();
  const [items = []] = captured;
  captured = undefined;
  return items;
}

/** The counter updates, summed per item and expression: one update for each month and zone. */
function sumUpdates(updates: readonly NonNullable<TransactItem['Update']>[]): UpdateCommandInput[] {
  const summed = new Map<string, UpdateCommandInput>();
  for (const update of updates) {
    const id = JSON.stringify([update.Key, update.UpdateExpression, update.ExpressionAttributeNames]);
    const earlier = summed.get(id);
    if (!earlier) {
      summed.set(id, { ...update, ExpressionAttributeValues: { ...update.ExpressionAttributeValues } });
      continue;
    }
    const values = earlier.ExpressionAttributeValues as Record<string, unknown>;
    for (const [name, value] of Object.entries(update.ExpressionAttributeValues ?? {})) {
      if (name.startsWith(':c')) values[name] = Number(values[name]) + Number(value);
    }
  }
  return [...summed.values()];
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function writeBatch(items: readonly Item[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  while (pending.length > 0) {
    const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
    pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
  }
}

/** Rows built into items per round: the items of 100,000 records at once would fill the heap. */
const ROWS_PER_ROUND = 5_000;

/** Writes the records of `rows`; returns how many items were put. */
export async function seedProposals(rows: readonly ImportRow[]): Promise<number> {
  const at = new Date().toISOString();
  const updates: NonNullable<TransactItem['Update']>[] = [];
  let written = 0;
  for (let round = 0; round < rows.length; round += ROWS_PER_ROUND) {
    const puts: Item[] = [];
    for (let i = round; i < Math.min(rows.length, round + ROWS_PER_ROUND); i += RECORDS_PER_CHANGE) {
      const changes = new ChangeSet(SEEDER.actor);
      for (const row of rows.slice(i, Math.min(i + RECORDS_PER_CHANGE, round + ROWS_PER_ROUND))) {
        const { record, first } = importedRecord(row, at, SEEDER.person);
        addProposal(changes, record, first);
        puts.push(...remainingWordEntries(record));
      }
      for (const item of await itemsOf(changes)) {
        if (item.Put && item.Put.Item.entityType !== 'audit') puts.push(item.Put.Item);
        if (item.Update) updates.push(item.Update);
      }
    }
    const batches = Array.from({ length: Math.ceil(puts.length / BATCH) }, (_, i) =>
      puts.slice(i * BATCH, (i + 1) * BATCH),
    );
    await eachLimited(batches, CONCURRENT_BATCHES, writeBatch);
    written += puts.length;
    console.error(`bench: seeded ${Math.min(rows.length, round + ROWS_PER_ROUND)} of ${rows.length} proposals`);
  }
  await eachLimited(sumUpdates(updates), CONCURRENT_BATCHES, async (update) => {
    await documentClient().send(new UpdateCommand(update));
  });
  return written;
}
