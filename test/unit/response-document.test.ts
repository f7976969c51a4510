import { describe, expect, it } from 'vitest';
import { answerSettingsOf } from '../../shared/domain/answers/answer-settings';
import type { Answer } from '../../shared/domain/answers/answers';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { type OfficialResponse, orderEntries, type ResponseEntry } from '../../shared/domain/responses/response';
import {
  type ResponseDocument,
  recipientLines,
  responseDocument,
  romanNumeral,
  vietnameseDate,
} from '../../shared/domain/responses/response-document';
import { responseLifecycle } from '../../shared/domain/responses/response-lifecycle';

const entry = (proposalId: string, zoneId: string, field: ResponseEntry['field'], number: string): ResponseEntry => ({
  proposalId,
  number,
  zoneId,
  field,
  cellName: 'Chi bộ thôn Hạ',
  answerIds: ['phong-tnmt.1'],
});

describe('the response’s order and layout', () => {
  it('orders entries by zone, then field as the district counts them, then number', () => {
    const entries = [
      entry('c', 'khu-2', 'policy', '2027-03/K2/003'),
      entry('a', 'khu-10', 'agriculture', '2027-03/K10/001'),
      entry('b', 'khu-2', 'agriculture', '2027-03/K2/002'),
      entry('d', 'khu-2', 'agriculture', '2027-03/K2/001'),
    ];

    expect(orderEntries(entries, ['khu-2', 'khu-10']).map((e) => e.proposalId)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('writes dates, numerals and recipients as party documents do', () => {
    expect(vietnameseDate('2027-03-28')).toBe('ngày 28 tháng 3 năm 2027');
    expect(vietnameseDate('2027-02-05')).toBe('ngày 05 tháng 02 năm 2027');
    expect([1, 4, 9, 14].map(romanNumeral)).toEqual(['I', 'IV', 'IX', 'XIV']);
    expect(recipientLines(['Thường trực Huyện uỷ', 'Lưu Văn phòng'])).toEqual([
      '- Thường trực Huyện uỷ,',
      '- Lưu Văn phòng.',
    ]);
  });

  it('groups the body by zone and field, each entry with the proposal’s text and its answers', () => {
    const response: OfficialResponse = {
      id: '2027-04.1',
      month: '2027-04',
      status: 'draft',
      title: 'Về việc trả lời kiến nghị',
      entries: [
        entry('p1', 'khu-2', 'agriculture', '2027-03/K2/001'),
        entry('p2', 'khu-2', 'policy', '2027-03/K2/002'),
      ],
      proposalCount: 2,
      compiledAt: '2027-03-20T02:00:00.000Z',
      compiledBy: { officialId: 'van-phong-1', name: 'Tạ Thanh Nga' },
    };
    const proposal = (id: string) =>
      ({ id, title: `Tiêu đề ${id}`, content: `Nội dung ${id}`, place: 'Thôn Hạ' }) as ProposalRecord;
    const answer = (proposalId: string) =>
      ({ id: 'phong-tnmt.1', proposalId, departmentName: 'Phòng TN&MT', text: `Trả lời ${proposalId}` }) as Answer;

    const document = responseDocument(response, {
      settings: answerSettingsOf({ districtName: 'Huyện Gia Lộc' }),
      proposals: new Map(['p1', 'p2'].map((id) => [id, proposal(id)])),
      answers: new Map(['p1', 'p2'].map((id) => [`${id}/phong-tnmt.1`, answer(id)])),
      zoneNames: new Map([['khu-2', 'Khu 2']]),
      announcements: [],
    });

    expect(document.placeAndDate).toBe('Gia Lộc, ngày … tháng … năm …');
    expect(document.documentNumber).toBeUndefined();
    expect(
      document.zones.map((zone) => [
        zone.zoneName,
        zone.fields.map((f) => [f.field, f.entries.map((e) => e.answers[0]?.text)]),
      ]),
    ).toEqual([
      [
        'Khu 2',
        [
          ['agriculture', ['Trả lời p1']],
          ['policy', ['Trả lời p2']],
        ],
      ],
    ]);
  });
});

describe('the document of a response', () => {
  const settings = answerSettingsOf({
    districtName: 'Huyện Gia Lộc',
    recipients: ['Thường trực Huyện uỷ', 'Lưu Văn phòng'],
  });
  const proposal = (id: string) =>
    ({ id, title: `Tiêu đề ${id}`, content: `Nội dung ${id}`, place: `Thôn ${id}` }) as ProposalRecord;
  const answer = (proposalId: string) =>
    ({ id: 'phong-tnmt.1', proposalId, departmentName: 'Phòng TN&MT', text: `Trả lời ${proposalId}` }) as Answer;
  const draft = (entries: ResponseEntry[], extra: Partial<OfficialResponse> = {}): OfficialResponse => ({
    id: '2027-04.1',
    month: '2027-04',
    status: 'draft',
    title: 'Về việc trả lời kiến nghị',
    entries,
    proposalCount: entries.length,
    compiledAt: '2027-03-20T02:00:00.000Z',
    compiledBy: { officialId: 'van-phong-1', name: 'Tạ Thanh Nga' },
    ...extra,
  });
  const documentOf = (
    response: OfficialResponse,
    known: string[],
    announcements = [] as ResponseDocument['announcements'],
  ) =>
    responseDocument(response, {
      settings,
      proposals: new Map(known.map((id) => [id, proposal(id)])),
      answers: new Map(known.map((id) => [`${id}/phong-tnmt.1`, answer(id)])),
      zoneNames: new Map([['khu-2', 'Khu 2']]),
      announcements,
    });

  it('writes every numeral a district could number its zones with', () => {
    const cases: [number, string][] = [
      [2, 'II'],
      [3, 'III'],
      [5, 'V'],
      [8, 'VIII'],
      [10, 'X'],
      [19, 'XIX'],
      [40, 'XL'],
      [49, 'XLIX'],
      [50, 'L'],
      [90, 'XC'],
      [100, 'C'],
      [400, 'CD'],
      [500, 'D'],
      [900, 'CM'],
      [1000, 'M'],
      [1994, 'MCMXCIV'],
      [3999, 'MMMCMXCIX'],
    ];
    for (const [n, numeral] of cases) expect(romanNumeral(n), String(n)).toBe(numeral);
  });

  it('keeps entries of one zone and field together, and opens a zone or field when it changes', () => {
    const document = documentOf(
      draft([
        entry('p1', 'khu-2', 'agriculture', '2027-03/K2/001'),
        entry('p2', 'khu-2', 'agriculture', '2027-03/K2/002'),
        entry('p3', 'khu-7', 'agriculture', '2027-03/K7/001'),
        entry('p4', 'khu-7', 'policy', '2027-03/K7/002'),
      ]),
      ['p1', 'p2', 'p3', 'p4'],
    );

    expect(
      document.zones.map((zone) => [
        zone.zoneId,
        zone.fields.map((f) => [f.field, f.entries.map((e) => e.proposalId)]),
      ]),
    ).toEqual([
      ['khu-2', [['agriculture', ['p1', 'p2']]]],
      [
        'khu-7',
        [
          ['agriculture', ['p3']],
          ['policy', ['p4']],
        ],
      ],
    ]);
    // A zone whose name is not known is shown by its id rather than left blank.
    expect(document.zones.map((zone) => zone.zoneName)).toEqual(['Khu 2', 'khu-7']);
    expect(document.zones[0]?.fields[0]?.entries[1]).toEqual({
      proposalId: 'p2',
      number: '2027-03/K2/002',
      cellName: 'Chi bộ thôn Hạ',
      title: 'Tiêu đề p2',
      content: 'Nội dung p2',
      place: 'Thôn p2',
      answers: [{ answerId: 'phong-tnmt.1', departmentName: 'Phòng TN&MT', text: 'Trả lời p2' }],
    });
  });

  it('leaves blank what it cannot find instead of failing, and names no cell for an imported record', () => {
    const { cellName: _, ...imported } = entry('lost', 'khu-2', 'agriculture', '2019-03/K2/001');
    const document = documentOf(draft([imported]), []);

    expect(document.zones[0]?.fields[0]?.entries[0]).toEqual({
      proposalId: 'lost',
      number: '2019-03/K2/001',
      title: '',
      content: '',
      place: '',
      answers: [{ answerId: 'phong-tnmt.1', departmentName: '', text: '' }],
    });
    expect(document.zones[0]?.fields[0]?.entries[0]).not.toHaveProperty('cellName');
  });

  it('shows a draft without number, signer or issue date, and without a correction it does not make', () => {
    const document = documentOf(draft([]), []);

    expect(document).not.toHaveProperty('documentNumber');
    expect(document).not.toHaveProperty('signer');
    expect(document).not.toHaveProperty('issuedAt');
    expect(document).not.toHaveProperty('corrects');
    expect(document).not.toHaveProperty('note');
    expect(document.recipients).toEqual(['Thường trực Huyện uỷ', 'Lưu Văn phòng']);
    expect(document).toMatchObject({ party: 'ĐẢNG CỘNG SẢN VIỆT NAM', issuingBody: 'HUYỆN UỶ GIA LỘC' });
  });

  it('shows an issued correction with its number, date, signer, what it corrects and where it was announced', () => {
    const signer = { name: 'Nguyễn Văn Bình', title: 'Phó Bí thư Thường trực' };
    const announced = [{ zoneId: 'khu-2', meetingId: '2027-04.khu-2', at: '2027-04-07T01:00:00.000Z' }];
    const document = documentOf(
      draft([], {
        status: 'issued',
        corrects: '2027-03.1',
        note: 'Sửa câu trả lời cho kiến nghị số 2027-02/K2/004.',
        issue: {
          documentNumber: 'Số 45-TB/HU',
          date: '2027-03-28',
          signer,
          issuedAt: '2027-03-28T03:00:00.000Z',
          issuedBy: { officialId: 'bi-thu', name: 'Nguyễn Văn Bình' },
        },
      }),
      [],
      announced,
    );

    expect(document).toMatchObject({
      documentNumber: 'Số 45-TB/HU',
      placeAndDate: 'Gia Lộc, ngày 28 tháng 3 năm 2027',
      signer,
      issuedAt: '2027-03-28T03:00:00.000Z',
      corrects: '2027-03.1',
      note: 'Sửa câu trả lời cho kiến nghị số 2027-02/K2/004.',
      announcements: announced,
    });
  });
});

describe('the response transition table', () => {
  it('lets the office compile a draft again and the standing board issue it, then locks it', () => {
    expect(responseLifecycle.can('draft', 'compile', new Set(['office']))).toEqual({ allowed: true, to: 'draft' });
    expect(responseLifecycle.can('draft', 'issue', new Set(['office']))).toEqual({
      allowed: false,
      refusal: 'forbidden',
    });
    expect(responseLifecycle.can('draft', 'issue', new Set(['standing-board']))).toEqual({
      allowed: true,
      to: 'issued',
    });
    expect(responseLifecycle.can('issued', 'issue', new Set(['standing-board']))).toEqual({
      allowed: false,
      refusal: 'locked',
    });
    expect(responseLifecycle.can('issued', 'compile', new Set(['office']))).toEqual({
      allowed: false,
      refusal: 'locked',
    });
  });
});
