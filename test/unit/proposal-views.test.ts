/** A proposal as the API shows it: labels, what is overdue today, its bookkeeping left out, its trail in order. */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerReview, CommuneResult, DepartmentAssignment } from '../../shared/domain/answers/answers';
import {
  presentProposal,
  presentProposalWithHistory,
  proposalView,
} from '../../shared/domain/proposals/proposal-views';
import { proposalRecord } from '../support/proposal-record';

const clerk = { officialId: 'van-phong-1', name: 'Nguyễn Văn An' };

const assignment = (change: Partial<DepartmentAssignment> = {}): DepartmentAssignment => ({
  departmentId: 'phong-kt-ht',
  departmentName: 'Phòng Kinh tế và Hạ tầng',
  status: 'awaiting',
  dueDate: '2027-04-15',
  assignedAt: '2027-03-20T02:00:00.000Z',
  answerCount: 0,
  rounds: 0,
  ...change,
});

const answer = (id: string, answeredAt: string): Answer => ({
  id,
  proposalId: 'p-1',
  departmentId: id.split('.')[0] as string,
  departmentName: 'Ban',
  kind: 'substantive',
  text: `Trả lời ${id}`,
  round: 1,
  answeredAt,
  answeredBy: clerk,
});

describe('a proposal shown', () => {
  it('carries its labels and overdue flag, and leaves out its history count', () => {
    const shown = presentProposal(
      proposalRecord({ status: 'routed-commune', level: 'commune', dueMonth: '2027-04' }),
      '2027-05-02',
    );
    expect(shown).toMatchObject({
      statusLabel: 'chuyển xã giải quyết',
      fieldLabel: 'Công nghiệp – dịch vụ – xây dựng kết cấu hạ tầng',
      overdue: true,
    });
    expect(shown).not.toHaveProperty('historyCount');
    expect(shown).not.toHaveProperty('assignments');
    expect(
      presentProposal(proposalRecord({ status: 'routed-commune', dueMonth: '2027-04' }), '2027-04-30').overdue,
    ).toBe(false);
    expect(proposalView.safeParse(shown).success).toBe(true);
  });

  it('shows each assignment with its label and whether it still owes an answer after its due day', () => {
    const shown = presentProposal(
      proposalRecord({
        status: 'assigned',
        level: 'district',
        assignments: [
          assignment(),
          assignment({ departmentId: 'phong-tn-mt', status: 'accepted', answerCount: 1, rounds: 1 }),
        ],
      }),
      '2027-04-16',
    );
    expect(shown.overdue).toBe(true);
    expect(shown.assignments?.map((a) => [a.departmentId, a.statusLabel, a.overdue, a.dueDate])).toEqual([
      ['phong-kt-ht', 'chờ trả lời', true, '2027-04-15'],
      ['phong-tn-mt', 'trả lời đã được chấp nhận', false, '2027-04-15'],
    ]);
    const onTheDay = presentProposal(proposalRecord({ status: 'assigned', assignments: [assignment()] }), '2027-04-15');
    expect([onTheDay.overdue, onTheDay.assignments?.[0]?.overdue]).toEqual([false, false]);
  });

  it('puts its history, answers and results in order, each answer with its review and without the ids it repeats', () => {
    const step = (seq: number) => ({
      seq,
      at: `2027-03-0${seq}T00:00:00.000Z`,
      by: clerk,
      action: 'raise' as const,
      from: null,
      to: 'raised' as const,
    });
    const review: AnswerReview = {
      proposalId: 'p-1',
      answerId: 'phong-kt-ht.1',
      decision: 'return',
      reason: 'Chưa rõ',
      at: '2027-04-02T00:00:00.000Z',
      by: clerk,
    };
    const result = (n: number): CommuneResult => ({
      n,
      proposalId: 'p-1',
      number: '2027-03/K2/001',
      title: 'Đường',
      zoneId: 'khu-2',
      communeId: 'gia-tan',
      outcome: 'resolved',
      outcomeLabel: 'đã giải quyết dứt điểm',
      text: `Kết quả ${n}`,
      reportedAt: '2027-04-01T00:00:00.000Z',
      reportedBy: clerk,
    });
    const shown = presentProposalWithHistory(
      proposalRecord(),
      {
        history: [step(3), step(1), step(2)],
        answers: [
          answer('phong-kt-ht.2', '2027-04-05T00:00:00.000Z'),
          answer('phong-tn-mt.1', '2027-04-01T00:00:00.000Z'),
          answer('phong-kt-ht.1', '2027-04-01T00:00:00.000Z'),
        ],
        reviews: [review],
        results: [result(2), result(1)],
      },
      '2027-03-10',
    );
    expect(shown.history.map((h) => h.seq)).toEqual([1, 2, 3]);
    expect(shown.results.map((r) => r.n)).toEqual([1, 2]);
    expect(shown.answers.map((a) => a.id)).toEqual(['phong-kt-ht.1', 'phong-tn-mt.1', 'phong-kt-ht.2']);
    expect(shown.answers[0]).toEqual({
      id: 'phong-kt-ht.1',
      departmentId: 'phong-kt-ht',
      departmentName: 'Ban',
      kind: 'substantive',
      text: 'Trả lời phong-kt-ht.1',
      round: 1,
      answeredAt: '2027-04-01T00:00:00.000Z',
      answeredBy: clerk,
      review: { decision: 'return', reason: 'Chưa rõ', at: '2027-04-02T00:00:00.000Z', by: clerk },
    });
    expect(shown.answers[1]).not.toHaveProperty('review');
    expect(shown.answers[1]).not.toHaveProperty('proposalId');
  });
});
