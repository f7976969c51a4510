/** The official response's pure rules: its ids, its title, the entry of a proposal and the entries' order. */
import { describe, expect, it } from 'vitest';
import type { DepartmentAssignment } from '../../shared/domain/answers/answers';
import {
  entryOf,
  orderEntries,
  type ResponseEntry,
  responseIdOf,
  responseIdSchema,
  responseTitle,
} from '../../shared/domain/responses/response';
import { proposalRecord } from '../support/proposal-record';

function assignment(change: Partial<DepartmentAssignment>): DepartmentAssignment {
  return {
    departmentId: 'phong-kt-ht',
    departmentName: 'Phòng Kinh tế và Hạ tầng',
    status: 'accepted',
    dueDate: '2027-04-15',
    assignedAt: '2027-03-20T02:00:00.000Z',
    answerCount: 1,
    rounds: 1,
    ...change,
  };
}

describe('a response’s id', () => {
  it('is the month and its number, which the schema accepts from 1 to 999', () => {
    expect(responseIdOf('2027-04', 3)).toBe('2027-04.3');
    for (const id of ['2027-04.1', '2027-12.999', '2027-10.40']) {
      expect(responseIdSchema.safeParse(id).success, id).toBe(true);
    }
  });

  it('is refused without its month or number, with a number 0 or of four digits, or with text around it', () => {
    for (const id of [
      '2027-04',
      '2027-04.0',
      '2027-04.01',
      '2027-04.1000',
      '2027-13.1',
      '2027-00.1',
      'x2027-04.1',
      '2027-04.1x',
    ]) {
      const parsed = responseIdSchema.safeParse(id);
      expect(parsed.success, id).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Mã văn bản trả lời có dạng <tháng>.<số thứ tự>, ví dụ 2027-04.1');
    }
  });
});

describe('a response’s title', () => {
  it('names the month whose meetings hear it, and the document a correction corrects', () => {
    const subject =
      'Về việc trả lời kiến nghị của cơ sở qua hội nghị giao ban khu (thông báo tại hội nghị tháng 4 năm 2027)';
    expect(responseTitle('2027-04')).toBe(subject);
    expect(responseTitle('2027-04', '2027-03.2')).toBe(`${subject}, đính chính văn bản 2027-03.2`);
  });
});

describe('a proposal’s entry', () => {
  it('refers to the accepted answers only, and keeps the raising cell’s name', () => {
    const record = proposalRecord({
      status: 'answered',
      assignments: [
        assignment({ latestAnswerId: 'a-1' }),
        assignment({ departmentId: 'phong-tn-mt', status: 'submitted', latestAnswerId: 'a-2' }),
        assignment({ departmentId: 'cong-an', latestAnswerId: 'a-3' }),
        assignment({ departmentId: 'phong-nv' }),
      ],
    });
    expect(entryOf(record)).toEqual({
      proposalId: '2027-03.khu-2.gia-tan-thon-ha.1',
      number: '2027-03/K2/001',
      zoneId: 'khu-2',
      field: 'industry-infrastructure',
      cellName: 'Chi bộ thôn Hạ',
      answerIds: ['a-1', 'a-3'],
    });
  });

  it('names no cell for a record without one, and no answer for a record never assigned', () => {
    const entry = entryOf(proposalRecord({ cellName: undefined, assignments: undefined }));
    expect(entry).not.toHaveProperty('cellName');
    expect(entry.answerIds).toEqual([]);
  });
});

describe('the entries’ order', () => {
  const entry = (zoneId: string, field: ResponseEntry['field'], number: string): ResponseEntry => ({
    proposalId: number,
    number,
    zoneId,
    field,
    answerIds: [],
  });

  it('goes by the zones’ order, unknown zones last, then the district’s order of fields, then number', () => {
    const entries = [
      entry('khu-9', 'agriculture', '2027-03/K9/001'),
      entry('khu-2', 'other', '2027-03/K2/001'),
      entry('khu-2', 'agriculture', '2027-03/K2/004'),
      entry('khu-1', 'land', '2027-03/K1/002'),
      entry('khu-2', 'agriculture', '2027-03/K2/003'),
      entry('khu-1', 'land', '2027-03/K1/001'),
    ];
    expect(orderEntries(entries, ['khu-2', 'khu-1']).map((e) => e.number)).toEqual([
      '2027-03/K2/003',
      '2027-03/K2/004',
      '2027-03/K2/001',
      '2027-03/K1/001',
      '2027-03/K1/002',
      '2027-03/K9/001',
    ]);
    expect(entries[0]?.number).toBe('2027-03/K9/001');
  });
});
