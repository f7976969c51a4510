import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_LENGTHS,
  DEFAULT_VAGUE_PHRASES,
  isVague,
  type ProposalContent,
  proposalProblems,
  type ReportContent,
  reportProblems,
  reportRulesOf,
} from '../../shared/domain/proposals/report-rules';

// Built inside each test: Stryker's per-test coverage does not see code run while the file loads.
const defaults = () => reportRulesOf(undefined);
const known = { communes: new Set(['gia-tan']), departments: new Set(['ban-to-chuc']) };

/** A text of exactly `length` characters that no vague phrase covers. */
const sized = (length: number) => 'đ'.repeat(length);

const proposal: ProposalContent = {
  field: 'land',
  title: sized(DEFAULT_MIN_LENGTHS.title),
  content: sized(DEFAULT_MIN_LENGTHS.content),
  place: sized(DEFAULT_MIN_LENGTHS.place),
  addressee: { kind: 'commune' },
};
const report: ReportContent = {
  situation: sized(DEFAULT_MIN_LENGTHS.situation),
  nextMonthTasks: sized(DEFAULT_MIN_LENGTHS.nextMonthTasks),
  followThrough: { heldOn: '2027-02-20', passedOn: sized(DEFAULT_MIN_LENGTHS.passedOn) },
  proposals: [proposal],
};

describe('reportRulesOf', () => {
  it('uses the default phrases, folded, when the district set no rules at all', () => {
    expect(defaults().vaguePhrases).toHaveLength(DEFAULT_VAGUE_PHRASES.length);
    expect(defaults().vaguePhrases).toContain('on dinh');
    expect(defaults().minLengths).toEqual(DEFAULT_MIN_LENGTHS);
  });

  it('drops phrases that fold to nothing and phrases that fold to the same words', () => {
    const own = reportRulesOf({ vaguePhrases: ['Ổn định', '!!!', 'on dinh', 'tốt'] });

    expect(own.vaguePhrases).toHaveLength(2);
    expect(new Set(own.vaguePhrases)).toEqual(new Set(['on dinh', 'tot']));
  });

  it('puts longer phrases first, so a long phrase is not cut by a short one inside it', () => {
    const own = reportRulesOf({ vaguePhrases: ['không', 'như cũ', 'không có gì', 'tốt'] });
    const lengths = own.vaguePhrases.map((p) => p.length);

    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    // "không có gì" taken out whole leaves nothing; "không" first would leave "co gi".
    expect(isVague('Không có gì', own)).toBe(true);
  });

  it('takes out every occurrence of a phrase, not just the first', () => {
    expect(isVague('tốt, tốt, tốt', defaults())).toBe(true);
  });
});

describe('the minimum length of each text', () => {
  const cases: { rule: keyof typeof DEFAULT_MIN_LENGTHS; path: string; with: (t: string) => ReportContent }[] = [
    { rule: 'situation', path: '/situation', with: (t) => ({ ...report, situation: t }) },
    { rule: 'nextMonthTasks', path: '/nextMonthTasks', with: (t) => ({ ...report, nextMonthTasks: t }) },
    {
      rule: 'passedOn',
      path: '/followThrough/passedOn',
      with: (t) => ({ ...report, followThrough: { heldOn: '2027-02-20', passedOn: t } }),
    },
    { rule: 'title', path: '/proposals/0/title', with: (t) => ({ ...report, proposals: [{ ...proposal, title: t }] }) },
    {
      rule: 'content',
      path: '/proposals/0/content',
      with: (t) => ({ ...report, proposals: [{ ...proposal, content: t }] }),
    },
    { rule: 'place', path: '/proposals/0/place', with: (t) => ({ ...report, proposals: [{ ...proposal, place: t }] }) },
  ];

  it.each(cases)('$rule is accepted at exactly its minimum', ({ rule, with: withText }) => {
    expect(reportProblems(withText(sized(DEFAULT_MIN_LENGTHS[rule])), defaults(), known)).toEqual([]);
  });

  it.each(cases)(
    '$rule one character short is too_short at $path, naming the minimum',
    ({ rule, path, with: withText }) => {
      const min = DEFAULT_MIN_LENGTHS[rule];

      const problems = reportProblems(withText(sized(min - 1)), defaults(), known);

      expect(problems).toEqual([{ path, code: 'too_short', message: expect.stringContaining(`${min}`) }]);
    },
  );

  it.each(cases)('$rule counts characters after trimming the spaces around it', ({ rule, path, with: withText }) => {
    const problems = reportProblems(withText(`   ${sized(DEFAULT_MIN_LENGTHS[rule] - 1)}   `), defaults(), known);

    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([`${path} too_short`]);
  });

  it.each(cases)('$rule follows the district’s own minimum', ({ rule, path, with: withText }) => {
    const own = reportRulesOf({ minLengths: { [rule]: 5 } });

    expect(reportProblems(withText(sized(5)), own, known)).toEqual([]);
    expect(reportProblems(withText(sized(4)), own, known).map((p) => p.path)).toEqual([path]);
  });
});

describe('problem messages', () => {
  it('name the section that is missing, vague or too short', () => {
    const problems = reportProblems(
      { situation: 'Bình thường', nextMonthTasks: 'Trồng cây', followThrough: {}, proposals: [] },
      defaults(),
      known,
    );

    expect(problems).toEqual([
      { path: '/situation', code: 'vague', message: expect.stringContaining('Tình hình chi bộ và khu dân cư') },
      { path: '/nextMonthTasks', code: 'too_short', message: expect.stringContaining('Nhiệm vụ lãnh đạo tháng tới') },
      { path: '/followThrough/heldOn', code: 'required', message: expect.stringContaining('ngày') },
      { path: '/followThrough/passedOn', code: 'required', message: expect.stringContaining('Nội dung đã truyền đạt') },
    ]);
  });

  it('name a proposal’s missing parts', () => {
    const problems = proposalProblems({}, '/proposals/4', defaults(), known);

    expect(problems).toEqual([
      { path: '/proposals/4/field', code: 'required', message: expect.stringContaining('lĩnh vực') },
      { path: '/proposals/4/title', code: 'required', message: expect.stringContaining('Tiêu đề kiến nghị') },
      { path: '/proposals/4/content', code: 'required', message: expect.stringContaining('Nội dung kiến nghị') },
      { path: '/proposals/4/place', code: 'required', message: expect.stringContaining('Địa điểm') },
      { path: '/proposals/4/addressee', code: 'required', message: expect.stringContaining('nơi nhận') },
    ]);
  });
});

describe('a proposal’s place', () => {
  it('may be a short name that happens to be a vague phrase', () => {
    expect(proposalProblems({ ...proposal, place: 'Tốt' }, '/proposals/0', defaults(), known)).toEqual([]);
  });

  it('while a title made only of vague phrases is vague', () => {
    const problems = proposalProblems(
      { ...proposal, title: 'Ổn định, bình thường' },
      '/proposals/0',
      defaults(),
      known,
    );

    expect(problems).toEqual([
      { path: '/proposals/0/title', code: 'vague', message: expect.stringContaining('Tiêu đề kiến nghị') },
    ]);
  });
});

describe('a proposal’s addressee', () => {
  const problemsOf = (addressee: ProposalContent['addressee']) =>
    proposalProblems({ ...proposal, addressee }, '/proposals/1', defaults(), known);

  it('may be the district without a unit id', () => {
    expect(problemsOf({ kind: 'district' })).toEqual([]);
  });

  it('is refused when the district is given a unit id', () => {
    expect(problemsOf({ kind: 'district', id: 'gia-tan' })).toEqual([
      { path: '/proposals/1/addressee/id', code: 'not_allowed', message: expect.stringContaining('Huyện uỷ') },
    ]);
  });

  it('needs the department’s id', () => {
    expect(problemsOf({ kind: 'department' })).toEqual([
      { path: '/proposals/1/addressee/id', code: 'required', message: expect.stringContaining('ban, ngành') },
    ]);
  });

  it('looks a department up among departments, not communes', () => {
    expect(problemsOf({ kind: 'department', id: 'ban-to-chuc' })).toEqual([]);
    expect(problemsOf({ kind: 'department', id: 'gia-tan' })).toEqual([
      {
        path: '/proposals/1/addressee/id',
        code: 'unknown_reference',
        message: expect.stringMatching(/ban, ngành.*"gia-tan"/),
      },
    ]);
  });

  it('looks a commune up among communes, not departments', () => {
    expect(problemsOf({ kind: 'commune', id: 'gia-tan' })).toEqual([]);
    expect(problemsOf({ kind: 'commune', id: 'ban-to-chuc' })).toEqual([
      {
        path: '/proposals/1/addressee/id',
        code: 'unknown_reference',
        message: expect.stringMatching(/xã.*"ban-to-chuc"/),
      },
    ]);
  });
});
