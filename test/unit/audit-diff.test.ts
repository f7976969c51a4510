import { describe, expect, it } from 'vitest';
import { changedAttributes } from '../../shared/db/audit-diff';

describe('what an audit record keeps of an update', () => {
  it('keeps only the attributes that changed, each before and after', () => {
    const before = { id: 'khu-1', name: 'Khu 1', roster: { people: ['a', 'b'] } };
    const after = { id: 'khu-1', name: 'Khu Một', roster: { people: ['a', 'b'] } };

    expect(changedAttributes(before, after)).toEqual({ before: { name: 'Khu 1' }, after: { name: 'Khu Một' } });
  });

  it('shows an added attribute only after, a removed one only before', () => {
    expect(changedAttributes({ reason: 'ốm' }, { venue: 'Hội trường' })).toEqual({
      before: { reason: 'ốm' },
      after: { venue: 'Hội trường' },
    });
  });

  it('compares nested values by content, whatever the order of their keys', () => {
    const before = { host: { communeId: 'xa-1', name: 'Xã 1' }, minutes: null };
    const after = { host: { name: 'Xã 1', communeId: 'xa-1' }, minutes: { text: 'Biên bản' } };

    expect(changedAttributes(before, after)).toEqual({
      before: { minutes: null },
      after: { minutes: { text: 'Biên bản' } },
    });
  });

  it('treats an undefined attribute as absent, as the table stores it', () => {
    expect(changedAttributes({ a: 1, b: undefined }, { a: 1 })).toEqual({ before: {}, after: {} });
    expect(changedAttributes({ a: { x: 1, y: undefined } }, { a: { x: 1 } })).toEqual({ before: {}, after: {} });
  });
});
