/**
 * "Specific, not general": what a cell's report and its proposals must say before they are
 * submitted. The district's config keeps the vague phrases that may not make up a section on their
 * own ("bình thường", "ổn định"…) and may change the minimum lengths; both are compared without
 * diacritics or case, so "On dinh" is as vague as "ổn định".
 */
import * as z from 'zod/mini';
import type { FieldProblem } from '../errors';
import { lazy, text } from '../schema-kit';
import { foldDiacritics } from '../text';
import type { Addressee } from './proposal-fields';

/** The shortest a text may be, in characters, once trimmed. */
export const DEFAULT_MIN_LENGTHS = {
  situation: 60,
  nextMonthTasks: 40,
  passedOn: 30,
  title: 10,
  content: 40,
  place: 3,
} as const;
export type MinLengths = Record<keyof typeof DEFAULT_MIN_LENGTHS, number>;

/** Phrases that say nothing on their own, as cell reports tend to use them. */
export const DEFAULT_VAGUE_PHRASES: readonly string[] = [
  'bình thường',
  'ổn định',
  'không có gì',
  'không có',
  'như tháng trước',
  'như cũ',
  'tốt',
  'đảm bảo',
  'chưa có',
  'không',
];

const lengthSchema = z.number().check(z.int(), z.gte(1), z.lte(1000));

/** `reports` in a district config: every part optional, the defaults above fill the rest. */
export const reportRulesSchema = lazy(() =>
  z.strictObject({
    vaguePhrases: z.optional(z.array(text(100)).check(z.maxLength(200))),
    minLengths: z.optional(
      z.strictObject({
        situation: z.optional(lengthSchema),
        nextMonthTasks: z.optional(lengthSchema),
        passedOn: z.optional(lengthSchema),
        title: z.optional(lengthSchema),
        content: z.optional(lengthSchema),
        place: z.optional(lengthSchema),
      }),
    ),
  }),
);
export type ReportRulesInput = z.infer<typeof reportRulesSchema>;

export interface ReportRules {
  /** Folded (no diacritics, lower case), longest first, so "không có gì" goes before "không". */
  readonly vaguePhrases: readonly string[];
  readonly minLengths: MinLengths;
}

/** The rules last built, by the stored rules they came from: every report write reads the same few rules. */
let lastBuilt: { readonly from: string; readonly rules: ReportRules } | undefined;

/** The district's rules with the defaults filled in (the defaults alone when it set none). */
export function reportRulesOf(input: ReportRulesInput | undefined): ReportRules {
  const from = JSON.stringify(input ?? null);
  if (lastBuilt?.from === from) return lastBuilt.rules;
  const phrases = (input?.vaguePhrases ?? DEFAULT_VAGUE_PHRASES).map(searchText).filter((p) => p !== '');
  const rules: ReportRules = {
    vaguePhrases: [...new Set(phrases)].sort((a, b) => b.length - a.length),
    minLengths: { ...DEFAULT_MIN_LENGTHS, ...input?.minLengths },
  };
  lastBuilt = { from, rules };
  return rules;
}

/**
 * Text as searches and the vague-phrase check compare it: folded, with every run of characters
 * that are not letters or digits turned into one space.
 * @example searchText('Đường làng, ngõ xóm!') // 'duong lang ngo xom'
 */
export function searchText(value: string): string {
  return foldDiacritics(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when nothing is left of the text once every vague phrase (as whole words) is taken out. */
export function isVague(value: string, rules: Pick<ReportRules, 'vaguePhrases'>): boolean {
  let rest = searchText(value);
  for (const pattern of phrasePatterns(rules.vaguePhrases)) rest = rest.replace(pattern, ' ');
  return rest.trim() === '';
}

/** Each phrase's pattern, compiled once per list of phrases rather than once per text checked. */
const compiled = new WeakMap<readonly string[], readonly RegExp[]>();

function phrasePatterns(phrases: readonly string[]): readonly RegExp[] {
  let patterns = compiled.get(phrases);
  if (!patterns) {
    // Folded phrases hold only letters, digits and single spaces: nothing a pattern would read as syntax.
    patterns = phrases.map((phrase) => new RegExp(`(?<![^ ])${phrase}(?![^ ])`, 'gu'));
    compiled.set(phrases, patterns);
  }
  return patterns;
}

/** The units a proposal's addressee may name: they must exist. */
export interface KnownUnits {
  readonly communes: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
}

/** A report's sections and proposals as they stand: drafts may lack any of them. */
export interface ReportContent {
  readonly situation?: string;
  readonly nextMonthTasks?: string;
  readonly followThrough?: { readonly heldOn?: string; readonly passedOn?: string };
  readonly proposals: readonly ProposalContent[];
}

export interface ProposalContent {
  readonly field?: string;
  readonly title?: string;
  readonly content?: string;
  readonly place?: string;
  readonly addressee?: Addressee;
}

type TextRule = keyof MinLengths;

const sectionNames: Record<TextRule, string> = {
  situation: 'Tình hình chi bộ và khu dân cư',
  nextMonthTasks: 'Nhiệm vụ lãnh đạo tháng tới',
  passedOn: 'Nội dung đã truyền đạt',
  title: 'Tiêu đề kiến nghị',
  content: 'Nội dung kiến nghị',
  place: 'Địa điểm',
};

/** Problems of one text: missing, shorter than the rule, or vague. */
function textProblems(value: string | undefined, rule: TextRule, path: string, rules: ReportRules): FieldProblem[] {
  const name = sectionNames[rule];
  if (value === undefined) return [{ path, code: 'required', message: `Cần ghi «${name}»` }];
  const min = rules.minLengths[rule];
  // A place may be a short village name; only texts meant to say something are checked for vagueness.
  if (rule !== 'place' && isVague(value, rules)) {
    return [
      {
        path,
        code: 'vague',
        message: `«${name}» chỉ gồm những cụm từ chung chung; hãy nêu cụ thể việc gì, ở đâu, bao nhiêu`,
      },
    ];
  }
  if (value.trim().length < min) {
    return [{ path, code: 'too_short', message: `«${name}» cần ít nhất ${min} ký tự để đủ cụ thể` }];
  }
  return [];
}

function addresseeProblems(addressee: Addressee | undefined, path: string, known: KnownUnits): FieldProblem[] {
  if (addressee === undefined) {
    return [{ path, code: 'required', message: 'Cần ghi nơi nhận kiến nghị (xã, ban ngành hoặc Huyện uỷ)' }];
  }
  const { kind, id } = addressee;
  if (kind === 'district' && id !== undefined) {
    return [{ path: `${path}/id`, code: 'not_allowed', message: 'Kiến nghị gửi Huyện uỷ không ghi mã đơn vị' }];
  }
  if (kind === 'department' && id === undefined) {
    return [{ path: `${path}/id`, code: 'required', message: 'Cần ghi mã ban, ngành nhận kiến nghị' }];
  }
  // A district addressee has no id here (refused above), so only communes and departments are looked up.
  const units = kind === 'department' ? known.departments : known.communes;
  if (id !== undefined && !units.has(id)) {
    const noun = kind === 'department' ? 'ban, ngành' : 'xã';
    return [{ path: `${path}/id`, code: 'unknown_reference', message: `Không có ${noun} có mã "${id}"` }];
  }
  return [];
}

/** Every problem of one proposal, its pointers under `at` (`/proposals/2`). */
export function proposalProblems(
  proposal: ProposalContent,
  at: string,
  rules: ReportRules,
  known: KnownUnits,
): FieldProblem[] {
  return [
    ...(proposal.field === undefined
      ? [{ path: `${at}/field`, code: 'required', message: 'Cần chọn lĩnh vực của kiến nghị' }]
      : []),
    ...textProblems(proposal.title, 'title', `${at}/title`, rules),
    ...textProblems(proposal.content, 'content', `${at}/content`, rules),
    ...textProblems(proposal.place, 'place', `${at}/place`, rules),
    ...addresseeProblems(proposal.addressee, `${at}/addressee`, known),
  ];
}

/** Every problem that keeps a report from being submitted, each with its JSON pointer in the report. */
export function reportProblems(report: ReportContent, rules: ReportRules, known: KnownUnits): FieldProblem[] {
  const followThrough = report.followThrough;
  return [
    ...textProblems(report.situation, 'situation', '/situation', rules),
    ...textProblems(report.nextMonthTasks, 'nextMonthTasks', '/nextMonthTasks', rules),
    ...(followThrough?.heldOn === undefined
      ? [
          {
            path: '/followThrough/heldOn',
            code: 'required',
            message: 'Cần ghi ngày chi bộ họp quán triệt kết luận của hội nghị giao ban trước',
          },
        ]
      : []),
    ...textProblems(followThrough?.passedOn, 'passedOn', '/followThrough/passedOn', rules),
    ...report.proposals.flatMap((proposal, index) => proposalProblems(proposal, `/proposals/${index}`, rules, known)),
  ];
}
