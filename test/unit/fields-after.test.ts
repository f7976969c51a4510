/** `withFieldsAfter`: a view's own fields placed among those it shares with its record, in reply order. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { withFieldsAfter } from '../../shared/domain/schema-kit';

const shared = { id: z.string(), status: z.string(), dueMonth: z.optional(z.string()), note: z.string() };

describe('withFieldsAfter', () => {
  it('puts each group right after the field it is keyed by, the other fields in their order', () => {
    const placed = withFieldsAfter(shared, {
      status: { statusLabel: z.string() },
      dueMonth: { overdue: z.boolean(), overdueSince: z.optional(z.string()) },
    });

    expect(Object.keys(placed)).toEqual(['id', 'status', 'statusLabel', 'dueMonth', 'overdue', 'overdueSince', 'note']);
    expect(placed.status).toBe(shared.status);
  });

  it('leaves the shared shape as it was, for the other schema built from it', () => {
    withFieldsAfter(shared, { id: { label: z.string() } });

    expect(Object.keys(shared)).toEqual(['id', 'status', 'dueMonth', 'note']);
  });

  it('makes a schema that reads the added fields where they stand', () => {
    const schema = z.strictObject(withFieldsAfter(shared, { status: { statusLabel: z.string() } }));
    const shown = { id: 'p-1', status: 'raised', statusLabel: 'đã nêu', note: '' };

    expect(Object.keys(schema.parse(shown))).toEqual(['id', 'status', 'statusLabel', 'note']);
    expect(schema.safeParse({ ...shown, statusLabel: undefined }).success).toBe(false);
  });
});
