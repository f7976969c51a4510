import { describe, expect, it } from 'vitest';
import { answerSettingsOf } from '../../shared/domain/answers/answer-settings';
import type { Answer } from '../../shared/domain/answers/answers';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { type OfficialResponse, orderEntries, type ResponseEntry } from '../../shared/domain/responses/response';
import {
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
