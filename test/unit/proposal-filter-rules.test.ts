/** Each filter of `GET /proposals` on its own: it keeps what matches and drops what does not. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  entryMatches,
  type ProposalFilter,
  proposalFilterSchema,
  queryWordsOf,
  recordMatches,
} from '../../shared/domain/proposals/proposal-filter';
import { proposalEntryFacts, proposalRecord } from '../support/proposal-record';

const entry = proposalEntryFacts;

describe('the filters an index entry answers', () => {
  it.each<[keyof ProposalFilter, string, string]>([
    ['from', '2027-03', '2027-04'],
    ['to', '2027-03', '2027-02'],
    ['zoneId', 'khu-2', 'khu-1'],
    ['communeId', 'gia-tan', 'gia-luong'],
    ['cellId', 'gia-tan-thon-ha', 'gia-tan-thon-thuong'],
    ['field', 'land', 'policy'],
    ['addressee', 'district', 'commune:gia-tan'],
  ])('%s keeps %s and drops %s', (name, keeps, drops) => {
    expect(entryMatches(entry, { [name]: keeps })).toBe(true);
    expect(entryMatches(entry, { [name]: drops })).toBe(false);
  });
});

describe('the filters a record answers', () => {
  const routed = proposalRecord({ status: 'routed-commune', level: 'commune', dueMonth: '2027-04' });

  it('drop another state, and keep or drop the overdue as asked', () => {
    expect(recordMatches(routed, { status: 'raised' }, [], '2027-04-30')).toBe(false);
    expect(recordMatches(routed, { overdue: true }, [], '2027-04-30')).toBe(false);
    expect(recordMatches(routed, { overdue: false }, [], '2027-05-01')).toBe(false);
  });

  it('read `overdue` from the query as a yes or a no', () => {
    const schema = z.object(proposalFilterSchema);

    expect(schema.parse({ overdue: 'true' }).overdue).toBe(true);
    expect(schema.parse({ overdue: 'false' }).overdue).toBe(false);
  });

  it('without `q`, search no words', () => {
    expect(queryWordsOf(undefined)).toEqual([]);
  });
});
