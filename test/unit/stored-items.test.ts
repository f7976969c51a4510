/** Stores parse what they read: a malformed item is refused with its key and the fields at fault, never passed on. */
import { describe, expect, it } from 'vitest';
import { holdsValue, MalformedItemError, parseStored, parseValues } from '../../shared/db/store';
import { proposalRecordSchema } from '../../shared/domain/proposals/proposal-records';
import { communeSchema } from '../../shared/domain/structure/entities';

const communeItem = {
  PK: 'UNIT#commune#gia-tan',
  SK: 'UNIT',
  GSI1PK: 'UNITS#commune',
  GSI1SK: 'gia-tan',
  entityType: 'commune',
  version: 3,
  inUseSince: '2027-03-05T02:00:00.000Z',
  id: 'gia-tan',
  name: 'Gia Tân',
  kind: 'xa',
  zoneId: 'khu-1',
};

function refusal(read: () => unknown): MalformedItemError {
  try {
    read();
  } catch (error) {
    if (error instanceof MalformedItemError) return error;
    throw error;
  }
  throw new Error('the item was accepted');
}

describe('reading a stored item', () => {
  it('gives the domain value without keys and bookkeeping, and the version', () => {
    expect(parseStored(communeSchema, communeItem)).toEqual({
      value: { id: 'gia-tan', name: 'Gia Tân', kind: 'xa', zoneId: 'khu-1' },
      version: 3,
    });
  });

  it('refuses an item whose field has the wrong type, naming its key and the field, not the value', () => {
    const error = refusal(() => parseStored(communeSchema, { ...communeItem, kind: 'thanh-pho', name: 42 }));
    expect(error.key).toBe('UNIT#commune#gia-tan / UNIT');
    expect(error.fields).toEqual(['name (invalid_type)', 'kind (invalid_value)']);
    expect(error.message).toBe(
      'Stored item UNIT#commune#gia-tan / UNIT is malformed at name (invalid_type), kind (invalid_value)',
    );
    expect(error.message).not.toContain('thanh-pho');
  });

  it('refuses an item missing a required field, and one a strict schema does not know', () => {
    const { zoneId: _zoneId, ...withoutZone } = communeItem;
    expect(refusal(() => parseStored(communeSchema, withoutZone)).fields).toEqual(['zoneId (invalid_type)']);
    expect(refusal(() => parseStored(communeSchema, { ...communeItem, mayor: 'x' })).fields).toEqual([
      '(item) (unrecognized_keys)',
    ]);
  });

  it('refuses a proposal record in a state the lifecycle does not have, or with a malformed nested value', () => {
    const record = {
      PK: 'PROPOSAL#2027-03.khu-1.thon-ha.1',
      SK: 'PROPOSAL',
      version: 1,
      id: '2027-03.khu-1.thon-ha.1',
      number: '2027-03/K1/001',
      status: 'raised',
      level: null,
      meetingId: '2027-03.khu-1',
      month: '2027-03',
      zoneId: 'khu-1',
      communeId: 'gia-tan',
      cellId: 'thon-ha',
      field: 'land',
      title: 'Đường làng',
      content: 'Đường làng xuống cấp',
      place: 'Thôn Hạ',
      addressee: { kind: 'district' },
      source: 'report',
      raisedAt: '2027-03-07T02:00:00.000Z',
      historyCount: 1,
    };
    expect(parseStored(proposalRecordSchema, record).value.status).toBe('raised');
    expect(refusal(() => parseStored(proposalRecordSchema, { ...record, status: 'lost' })).fields).toEqual([
      'status (invalid_value)',
    ]);
    const badAssignment = { ...record, assignments: [{ departmentId: 'ban-to-chuc', status: 'awaiting' }] };
    expect(refusal(() => parseStored(proposalRecordSchema, badAssignment)).fields).toContain(
      'assignments.0.departmentName (invalid_type)',
    );
  });

  it('refuses a list when any one of its items is malformed', () => {
    const items = [communeItem, { ...communeItem, PK: 'UNIT#commune#gia-hoa', id: 'gia-hoa', zoneId: 7 }];
    expect(refusal(() => parseValues(communeSchema, items)).key).toBe('UNIT#commune#gia-hoa / UNIT');
  });
});

describe('whether an item holds a value', () => {
  const value = { id: 'gia-tan', name: 'Gia Tân', kind: 'xa', zoneId: 'khu-1' };

  it('compares the value with the item without its keys and bookkeeping, undefined counting as absent', () => {
    expect(holdsValue(communeItem, value)).toBe(true);
    expect(holdsValue(communeItem, { ...value, hall: undefined })).toBe(true);
  });

  it('tells apart an item with another field, one without a field, and a value naming a bookkeeping attribute', () => {
    expect(holdsValue({ ...communeItem, hall: 'Hội trường' }, value)).toBe(false);
    expect(holdsValue(communeItem, { ...value, hall: 'Hội trường' })).toBe(false);
    expect(holdsValue(communeItem, { ...value, name: 'Gia Tan' })).toBe(false);
    expect(holdsValue(communeItem, { ...value, version: 3 })).toBe(false);
  });
});
