/**
 * Validation messages a clerk understands: each names the field and says what is expected, in
 * Vietnamese ("Trường «text» là bắt buộc"). Zod calls `fieldMessage` for every issue whose schema
 * states no message of its own; messages written in a schema (`Tháng phải có dạng YYYY-MM`) win.
 */
import type * as z from 'zod/mini';

type Path = readonly PropertyKey[];

/** How a message names a field: `communes[3].name`. */
export function fieldLabel(path: Path): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** The subject of a sentence about the value at a path: the field, or the whole body at the root. */
function subject(path: Path): string {
  return path.length === 0 ? 'Nội dung' : `Trường «${fieldLabel(path)}»`;
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách (mảng JSON)',
  tuple: 'danh sách (mảng JSON)',
  set: 'danh sách (mảng JSON)',
  object: 'đối tượng JSON',
  record: 'đối tượng JSON',
  map: 'đối tượng JSON',
  null: 'null',
  date: 'ngày',
};

const formatNames: Readonly<Record<string, string>> = {
  email: 'địa chỉ email',
  url: 'địa chỉ URL',
  uuid: 'mã UUID',
  datetime: 'thời điểm ISO 8601 (YYYY-MM-DDTHH:mm:ssZ)',
  date: 'ngày YYYY-MM-DD',
  time: 'giờ HH:mm[:ss]',
};

function listOf(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `«${value}»` : JSON.stringify(value))).join(', ');
}

type Bound = { origin: string; inclusive?: boolean; exact?: boolean };

/** `phải có ít nhất 3 ký tự`, `phải nhỏ hơn hoặc bằng 12`… */
function boundMessage(issue: Bound, limit: number | bigint, side: 'min' | 'max'): string {
  const count =
    issue.origin === 'string' ? 'ký tự' : issue.origin === 'array' || issue.origin === 'set' ? 'phần tử' : '';
  if (count) {
    if (issue.exact) return `phải có đúng ${limit} ${count}`;
    if (side === 'min') return Number(limit) === 1 ? 'không được để trống' : `phải có ít nhất ${limit} ${count}`;
    return `chỉ được có tối đa ${limit} ${count}`;
  }
  if (side === 'min') return issue.inclusive ? `phải lớn hơn hoặc bằng ${limit}` : `phải lớn hơn ${limit}`;
  return issue.inclusive ? `phải nhỏ hơn hoặc bằng ${limit}` : `phải nhỏ hơn ${limit}`;
}

/** What is wrong, after the subject. */
function predicate(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'là bắt buộc';
      return `phải là ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return boundMessage(issue, issue.minimum, 'min');
    case 'too_big':
      return boundMessage(issue, issue.maximum, 'max');
    case 'invalid_format':
      return formatNames[issue.format] ? `phải là ${formatNames[issue.format]}` : 'không đúng định dạng yêu cầu';
    case 'not_multiple_of':
      return `phải là bội số của ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `phải là ${listOf(issue.values)}`
        : `phải là một trong: ${listOf(issue.values)}`;
    case 'unrecognized_keys':
      return `có trường không được chấp nhận: ${listOf(issue.keys)}`;
    case 'invalid_union':
      return 'không khớp với dạng nào được chấp nhận';
    case 'invalid_key':
      return 'có khoá không hợp lệ';
    case 'invalid_element':
      return 'có phần tử không hợp lệ';
    default:
      return 'không hợp lệ';
  }
}

/** Zod's error map: `Trường «zoneIds[2]» phải là chuỗi ký tự`. */
export function fieldMessage(issue: z.core.$ZodRawIssue): string {
  return `${subject(issue.path ?? [])} ${predicate(issue)}`;
}
