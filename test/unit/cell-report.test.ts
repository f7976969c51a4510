import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS, type Report, reportBodySchema } from '../../shared/domain/proposals/report';
import {
  type ReportAction,
  type ReportState,
  reportActions,
  reportLifecycle,
  reportStates,
} from '../../shared/domain/proposals/report-lifecycle';
import {
  DEFAULT_MIN_LENGTHS,
  isVague,
  reportProblems,
  reportRulesOf,
  searchText,
} from '../../shared/domain/proposals/report-rules';
import type { Role } from '../../shared/domain/structure/roles';

const rules = reportRulesOf({ vaguePhrases: ['bình thường', 'ổn định', 'không có gì', 'như tháng trước'] });
const known = { communes: new Set(['gia-tan']), departments: new Set(['ban-to-chuc']) };

describe('a vague section', () => {
  it.each([
    'Bình thường',
    'binh thuong',
    'ỔN ĐỊNH.',
    'Ổn định, không có gì!',
    '  Như tháng trước; bình thường  ',
    'ổn định ổn định ổn định ổn định',
  ])('is "%s"', (text) => {
    expect(isVague(text, rules)).toBe(true);
  });

  it.each(['Ổn định sản xuất 65 ha lúa xuân', 'Không có gì thay đổi ở kênh T3', 'bình thường hoá quan hệ'])(
    'is not "%s", which says something beside the phrases',
    (text) => {
      expect(isVague(text, rules)).toBe(false);
    },
  );

  it('is compared as folded words, not inside other words', () => {
    expect(isVague('ổn địnhh', rules)).toBe(false);
    expect(searchText('Đường làng, ngõ xóm!')).toBe('duong lang ngo xom');
  });
});

describe('reportRulesOf', () => {
  it('keeps the district’s minimum lengths over the defaults, and the defaults elsewhere', () => {
    const own = reportRulesOf({ minLengths: { situation: 200 } });

    expect(own.minLengths).toEqual({ ...DEFAULT_MIN_LENGTHS, situation: 200 });
    expect(own.vaguePhrases).toContain('binh thuong');
  });

  it('builds each district’s rules from its own input, whichever rules were built before', () => {
    const first = reportRulesOf({ vaguePhrases: ['tốt'] });
    const other = reportRulesOf({ vaguePhrases: ['xấu'] });
    const again = reportRulesOf({ vaguePhrases: ['tốt'] });

    expect([first.vaguePhrases, other.vaguePhrases, again.vaguePhrases]).toEqual([['tot'], ['xau'], ['tot']]);
    expect([isVague('Tốt.', again), isVague('Tốt.', other), isVague('xấu', other)]).toEqual([true, false, true]);
  });
});

describe('reportProblems', () => {
  const specific = {
    situation: 'Chi bộ có 42 đảng viên; thôn Hạ thu hoạch xong 65 ha lúa xuân, năng suất 62 tạ/ha bình quân.',
    nextMonthTasks: 'Vận động 12 hộ ven kênh T3 tháo dỡ lều quán trước ngày 30/4.',
    followThrough: { heldOn: '2027-02-20', passedOn: 'Quán triệt kết luận về phòng dịch tới 4 tổ đảng.' },
  };
  const proposal = {
    field: 'land',
    title: 'Cấp giấy chứng nhận đất ở',
    content: 'Đề nghị xã hoàn tất hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho 7 hộ tái định cư.',
    place: 'Thôn Hạ',
    addressee: { kind: 'commune' as const },
  };

  it('finds nothing in a specific report', () => {
    expect(reportProblems({ ...specific, proposals: [proposal] }, rules, known)).toEqual([]);
  });

  it('lists every problem at once, each at its pointer', () => {
    const problems = reportProblems(
      {
        situation: 'Ổn định',
        nextMonthTasks: 'Trồng cây',
        proposals: [
          { ...proposal, addressee: { kind: 'department' } },
          { ...proposal, addressee: { kind: 'department', id: 'ban-khong-co' } },
          { ...proposal, addressee: { kind: 'district', id: 'gia-tan' } },
          { title: proposal.title, addressee: { kind: 'commune', id: 'xa-khac' } },
        ],
      },
      rules,
      known,
    );

    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '/situation vague',
      '/nextMonthTasks too_short',
      '/followThrough/heldOn required',
      '/followThrough/passedOn required',
      '/proposals/0/addressee/id required',
      '/proposals/1/addressee/id unknown_reference',
      '/proposals/2/addressee/id not_allowed',
      '/proposals/3/field required',
      '/proposals/3/content required',
      '/proposals/3/place required',
      '/proposals/3/addressee/id unknown_reference',
    ]);
  });
});

describe('a report’s size', () => {
  it('stays under 160 KB at every limit, so it and its audit (before and after) fit a 400 KB item', () => {
    // 'ệ' takes three bytes in UTF-8, the most any UTF-16 unit can.
    const text = (length: number) => 'ệ'.repeat(length);
    const body = reportBodySchema.parse({
      situation: text(REPORT_LIMITS.section),
      nextMonthTasks: text(REPORT_LIMITS.section),
      followThrough: { heldOn: '2027-02-20', passedOn: text(REPORT_LIMITS.passedOn) },
      proposals: Array.from({ length: REPORT_LIMITS.proposals }, () => ({
        field: 'industry-infrastructure',
        title: text(REPORT_LIMITS.title),
        content: text(REPORT_LIMITS.content),
        place: text(REPORT_LIMITS.place),
        addressee: { kind: 'department', id: 'a'.repeat(63) },
      })),
    });
    const person = { officialId: 'a'.repeat(63), name: text(120) };
    const report: Report = {
      meetingId: `2027-03.${'a'.repeat(63)}`,
      month: '2027-03',
      zoneId: 'a'.repeat(63),
      cellId: 'a'.repeat(63),
      cellName: text(120),
      communeId: 'a'.repeat(63),
      communeName: text(120),
      status: 'submitted',
      ...body,
      agreement: {
        agreedOn: '2027-03-01',
        membersPresent: 9,
        membersTotal: 9,
        presidedBy: text(120),
        recordedBy: person,
        recordedAt: new Date().toISOString(),
      },
      writtenBy: person,
      writtenAt: new Date().toISOString(),
      submittedBy: person,
      submittedAt: new Date().toISOString(),
    };

    expect(new TextEncoder().encode(JSON.stringify(report)).byteLength).toBeLessThan(160_000);
  });
});

/** The report lifecycle as issue 7 states it: where each action may be taken, by whom, and where it leads. */
const specification: Record<ReportAction, { from: ReportState[]; to: ReportState; roles: Role[] }> = {
  write: { from: ['draft', 'agreed'], to: 'draft', roles: ['cell-secretary'] },
  agree: { from: ['draft', 'agreed'], to: 'agreed', roles: ['cell-secretary'] },
  submit: { from: ['agreed'], to: 'submitted', roles: ['cell-secretary'] },
  reopen: { from: ['submitted'], to: 'draft', roles: ['office'] },
  'withdraw-proposal': { from: ['submitted'], to: 'submitted', roles: ['cell-secretary'] },
};

const testedRoles: Role[] = ['office', 'zone-deputy', 'commune-secretary', 'cell-secretary'];

describe('the report transition table', () => {
  const cases = reportStates.flatMap((state) =>
    reportActions.flatMap((action) => testedRoles.map((role) => ({ state, action, role }))),
  );

  it.each(cases)('$role taking $action on a $state report', ({ state, action, role }) => {
    const rule = specification[action];

    const decision = reportLifecycle.can(state, action, new Set([role]));

    if (!rule.roles.includes(role)) {
      expect(decision).toEqual({ allowed: false, refusal: 'forbidden' });
    } else if (!rule.from.includes(state)) {
      expect(decision).toEqual({ allowed: false, refusal: state === 'submitted' ? 'locked' : 'invalid_transition' });
    } else {
      expect(decision).toEqual({ allowed: true, to: rule.to });
    }
  });

  it('says a draft needs the committee’s agreement before submission, and that a submitted report is locked', () => {
    const secretary = new Set<Role>(['cell-secretary']);

    expect(() => reportLifecycle.require('draft', 'submit', secretary)).toThrow(
      expect.objectContaining({ status: 409, code: 'agreement_required' }),
    );
    expect(() => reportLifecycle.require('submitted', 'write', secretary)).toThrow(
      expect.objectContaining({ status: 409, code: 'report_submitted' }),
    );
  });
});
