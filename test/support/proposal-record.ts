/** A proposal record as a close raises it, for the pure rules' tests; each test changes what it is about. */
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import type { EntryFacts } from '../../shared/domain/proposals/proposal-filter';

export function proposalRecord(change: Partial<ProposalRecord> = {}): ProposalRecord {
  return {
    id: '2027-03.khu-2.gia-tan-thon-ha.1',
    number: '2027-03/K2/001',
    status: 'raised',
    level: null,
    meetingId: '2027-03.khu-2',
    month: '2027-03',
    zoneId: 'khu-2',
    communeId: 'gia-tan',
    cellId: 'gia-tan-thon-ha',
    cellName: 'Chi bộ thôn Hạ',
    field: 'industry-infrastructure',
    title: 'Cứng hoá Đường làng',
    content: 'Đường làng thôn Hạ xuống cấp, ổ gà sâu 20 cm.',
    place: 'Thôn Hạ',
    addressee: { kind: 'department', id: 'phong-kt-ht' },
    source: 'report',
    raisedAt: '2027-03-07T03:00:00.000Z',
    historyCount: 1,
    ...change,
  };
}

/** What an index entry says of a proposal of the same cell (a land matter sent to the district), for the filters' tests. */
export const proposalEntryFacts: EntryFacts = {
  month: '2027-03',
  zoneId: 'khu-2',
  communeId: 'gia-tan',
  cellId: 'gia-tan-thon-ha',
  field: 'land',
  addressee: 'district',
};
