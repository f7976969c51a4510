import { describe, expect, it } from 'vitest';
import { answerSettingsOf, DEFAULT_DUE_DAYS, DEFAULT_RECIPIENTS } from '../../shared/domain/answers/answer-settings';
import {
  answerComplete,
  answerIdOf,
  answerProblems,
  assignmentOverdue,
  parseAnswerId,
  resultProblems,
  reviewProblems,
} from '../../shared/domain/answers/answers';
import {
  type AssignmentAction,
  type AssignmentState,
  assignmentActions,
  assignmentLifecycle,
  assignmentStates,
} from '../../shared/domain/answers/assignment-lifecycle';
import { addDays, daysBetween, defaultDueDate } from '../../shared/domain/answers/due-dates';
import type { Role } from '../../shared/domain/structure/roles';

describe('the default due day of an answer', () => {
  const windowFrom5th = () => 5;

  it('is the district’s days before the first day of next month’s window', () => {
    expect(defaultDueDate('2027-03-10', 7, windowFrom5th)).toBe('2027-03-29');
    expect(defaultDueDate('2027-03-10', 3, (month) => (month === '2027-04' ? 12 : 5))).toBe('2027-04-09');
  });

  it('counts the month after when next month’s due day is already past', () => {
    expect(defaultDueDate('2027-03-29', 7, windowFrom5th)).toBe('2027-04-28');
    expect(defaultDueDate('2026-12-30', 7, windowFrom5th)).toBe('2027-01-29');
  });

  it('rests on day arithmetic across months and years', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });
});

describe('what the schemas cannot check', () => {
  it('a holding answer names its day; a substantive one does not', () => {
    expect(answerProblems({ kind: 'holding', text: 'Đang khảo sát.' }).map((p) => p.path)).toEqual(['/expectedBy']);
    expect(answerProblems({ kind: 'substantive', text: 'Đã xong.', expectedBy: '2027-04-01' })).toHaveLength(1);
    expect(answerProblems({ kind: 'holding', text: 'Đang khảo sát.', expectedBy: '2027-04-01' })).toEqual([]);
  });

  it('a returned answer says why; an accepted one takes no new due day', () => {
    expect(reviewProblems({ decision: 'return' }).map((p) => p.code)).toEqual(['required']);
    expect(reviewProblems({ decision: 'accept', dueDate: '2027-04-01' }).map((p) => p.code)).toEqual(['not_allowed']);
  });

  it('a partly resolved result says what remains and by when; the others say neither', () => {
    expect(resultProblems({ outcome: 'partly-resolved', text: 'Đã làm 500 m.' }).map((p) => p.path)).toEqual([
      '/remaining',
      '/remainingBy',
    ]);
    expect(resultProblems({ outcome: 'resolved', text: 'Xong.', remaining: 'Không.' }).map((p) => p.path)).toEqual([
      '/remaining',
    ]);
  });

  it('answer ids name the department and the number', () => {
    expect(parseAnswerId('phong-tnmt.12')).toEqual({ departmentId: 'phong-tnmt', n: 12 });
    expect(parseAnswerId('phong-tnmt.0')).toBeUndefined();
  });
});

describe('the district’s answer', () => {
  it('is complete when every assigned department’s latest answer is accepted', () => {
    expect(answerComplete([{ status: 'accepted' }, { status: 'accepted' }])).toBe(true);
    expect(answerComplete([{ status: 'accepted' }, { status: 'submitted' }])).toBe(false);
    expect(answerComplete([])).toBe(false);
  });

  it('is overdue from a department still owing it after its due day', () => {
    expect(assignmentOverdue({ status: 'returned', dueDate: '2027-03-29' }, '2027-03-30')).toBe(true);
    expect(assignmentOverdue({ status: 'returned', dueDate: '2027-03-29' }, '2027-03-29')).toBe(false);
    expect(assignmentOverdue({ status: 'submitted', dueDate: '2027-03-29' }, '2027-04-30')).toBe(false);
  });
});

describe('the response’s heading', () => {
  it('comes from the district’s name unless its config says otherwise', () => {
    expect(answerSettingsOf({ districtName: 'Huyện Gia Lộc' })).toMatchObject({
      issuingBody: 'HUYỆN UỶ GIA LỘC',
      place: 'Gia Lộc',
      dueDaysBeforeMeetings: 7,
    });
    expect(answerSettingsOf({ districtName: 'Huyện Gia Lộc', place: 'TT. Gia Lộc' }).place).toBe('TT. Gia Lộc');
  });
});

/** The answer table, written out from the issue independently of `assignment-lifecycle.ts`. */
const OWING: AssignmentState[] = ['awaiting', 'holding', 'returned'];
const specification: Record<AssignmentAction, { from: AssignmentState[]; to: AssignmentState; roles: Role[] }> = {
  hold: { from: OWING, to: 'holding', roles: ['department'] },
  answer: { from: OWING, to: 'submitted', roles: ['department'] },
  accept: { from: ['submitted'], to: 'accepted', roles: ['office', 'standing-board'] },
  return: { from: ['submitted'], to: 'returned', roles: ['office', 'standing-board'] },
  reopen: { from: ['accepted'], to: 'awaiting', roles: ['cell-secretary'] },
};

describe('the answer transition table', () => {
  const roles: Role[] = ['office', 'standing-board', 'department', 'cell-secretary', 'zone-head'];
  const cases = assignmentStates.flatMap((state) =>
    assignmentActions.flatMap((action) => roles.map((role) => ({ state, action, role }))),
  );

  it.each(cases)('$role taking $action on a $state answer', ({ state, action, role }) => {
    const rule = specification[action];

    const decision = assignmentLifecycle.can(state, action, new Set([role]));

    if (!rule.roles.includes(role)) expect(decision).toEqual({ allowed: false, refusal: 'forbidden' });
    else if (!rule.from.includes(state)) {
      expect(decision).toEqual({ allowed: false, refusal: state === 'accepted' ? 'locked' : 'invalid_transition' });
    } else expect(decision).toEqual({ allowed: true, to: rule.to });
  });
});

describe('the cross-field rules of answers, reviews and results', () => {
  it('find nothing when each field is where it belongs', () => {
    expect(answerProblems({ kind: 'substantive', text: 'Đã làm xong 500 m đường.' })).toEqual([]);
    expect(reviewProblems({ decision: 'return', reason: 'Chưa nêu thời hạn.', dueDate: '2027-05-01' })).toEqual([]);
    expect(reviewProblems({ decision: 'accept' })).toEqual([]);
    expect(
      resultProblems({
        outcome: 'partly-resolved',
        text: 'Đã làm 500 m.',
        remaining: '300 m.',
        remainingBy: '2027-06-30',
      }),
    ).toEqual([]);
  });

  it('say in Vietnamese which field is missing or not allowed', () => {
    expect(answerProblems({ kind: 'holding', text: 'Đang khảo sát.' })).toEqual([
      { path: '/expectedBy', code: 'required', message: expect.stringContaining('ngày') },
    ]);
    expect(answerProblems({ kind: 'substantive', text: 'Đã xong.', expectedBy: '2027-04-01' })).toEqual([
      { path: '/expectedBy', code: 'not_allowed', message: expect.stringContaining('trả lời tạm') },
    ]);
    expect(reviewProblems({ decision: 'return' })).toEqual([
      { path: '/reason', code: 'required', message: expect.stringContaining('lý do') },
    ]);
    expect(reviewProblems({ decision: 'accept', dueDate: '2027-04-01' })).toEqual([
      { path: '/dueDate', code: 'not_allowed', message: expect.stringContaining('hạn mới') },
    ]);
    expect(resultProblems({ outcome: 'partly-resolved', text: 'Đã làm 500 m.', remainingBy: '2027-06-30' })).toEqual([
      { path: '/remaining', code: 'required', message: expect.stringContaining('phần còn lại') },
    ]);
    expect(resultProblems({ outcome: 'resolved', text: 'Xong.', remainingBy: '2027-06-30' })).toEqual([
      { path: '/remainingBy', code: 'not_allowed', message: expect.stringContaining('một phần') },
    ]);
  });

  it('number a department’s answers as <department>.<n>, and read the id back', () => {
    expect(answerIdOf('phong-nn-ptnt', 2)).toBe('phong-nn-ptnt.2');
    expect(parseAnswerId(answerIdOf('phong-nn-ptnt', 2))).toEqual({ departmentId: 'phong-nn-ptnt', n: 2 });
  });
});

describe('answer settings', () => {
  it('fall back to the defaults, with a place, when the district has none stored', () => {
    const settings = answerSettingsOf(undefined);

    expect(settings.dueDaysBeforeMeetings).toBe(DEFAULT_DUE_DAYS);
    expect(settings.recipients).toEqual(DEFAULT_RECIPIENTS);
    expect(settings.place).not.toBe('');
    expect(settings.issuingBody).toBe(`HUYỆN UỶ ${settings.place.toLocaleUpperCase('vi')}`);
  });

  it('take the place from the district’s name however many spaces follow "Huyện"', () => {
    expect(answerSettingsOf({ districtName: 'Huyện  Gia Lộc' }).place).toBe('Gia Lộc');
  });
});
