import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { FieldProblem } from '../../shared/domain/errors';
import { fieldLabel, fieldMessage } from '../../shared/domain/field-messages';
import { monthSchema, text } from '../../shared/domain/schema-kit';
import { validate } from '../../shared/http/validation';

function problemsOf(schema: z.ZodMiniType, input: unknown): FieldProblem[] {
  try {
    validate(schema, input);
  } catch (error) {
    return [...((error as { errors?: FieldProblem[] }).errors ?? [])];
  }
  throw new Error('expected a validation error');
}

function messageOf(schema: z.ZodMiniType, input: unknown): string {
  const [problem] = problemsOf(schema, input);
  return problem?.message ?? '';
}

describe('validation messages name the field and what it expects, in Vietnamese', () => {
  const body = z.strictObject({ text: z.string() });

  it('says a missing field is required', () => {
    expect(messageOf(body, {})).toBe('Trường «text» là bắt buộc');
  });

  it('names the expected type of a wrong-typed field', () => {
    expect(messageOf(body, { text: 7 })).toBe('Trường «text» phải là chuỗi ký tự');
    expect(messageOf(z.strictObject({ n: z.number().check(z.int()) }), { n: 1.5 })).toBe(
      'Trường «n» phải là số nguyên',
    );
    expect(messageOf(z.strictObject({ on: z.boolean() }), { on: 'yes' })).toBe('Trường «on» phải là true hoặc false');
  });

  it('speaks of the whole body when the body itself is wrong', () => {
    expect(messageOf(body, [])).toBe('Nội dung phải là đối tượng JSON');
  });

  it('names nested fields by their path', () => {
    const nested = z.strictObject({ communes: z.array(z.strictObject({ zoneId: z.string() })) });

    expect(problemsOf(nested, { communes: [{ zoneId: 'k' }, {}] })).toEqual([
      { path: '/communes/1/zoneId', code: 'invalid_type', message: 'Trường «communes[1].zoneId» là bắt buộc' },
    ]);
  });

  it('states length and range limits', () => {
    const limits = z.strictObject({
      name: text(5),
      count: z.number().check(z.gte(1), z.lte(12)),
      ids: z.array(z.string()).check(z.minLength(1), z.maxLength(2)),
    });

    expect(messageOf(limits, { name: 'abcdef', count: 1, ids: ['a'] })).toBe(
      'Trường «name» chỉ được có tối đa 5 ký tự',
    );
    expect(messageOf(limits, { name: 'a', count: 0, ids: ['a'] })).toBe('Trường «count» phải lớn hơn hoặc bằng 1');
    expect(messageOf(limits, { name: 'a', count: 13, ids: ['a'] })).toBe('Trường «count» phải nhỏ hơn hoặc bằng 12');
    expect(messageOf(limits, { name: 'a', count: 1, ids: [] })).toBe('Trường «ids» không được để trống');
    expect(messageOf(limits, { name: 'a', count: 1, ids: ['a', 'b', 'c'] })).toBe(
      'Trường «ids» chỉ được có tối đa 2 phần tử',
    );
  });

  it('lists the accepted values of an enumeration', () => {
    expect(messageOf(z.strictObject({ kind: z.enum(['xa', 'thi-tran']) }), { kind: 'phuong' })).toBe(
      'Trường «kind» phải là một trong: «xa», «thi-tran»',
    );
  });

  it('keeps the message a schema states itself', () => {
    expect(messageOf(z.strictObject({ month: monthSchema }), { month: '2031-13' })).toBe(
      'Tháng phải có dạng YYYY-MM, từ năm 2000 đến 2099',
    );
    expect(messageOf(z.strictObject({ name: text(5) }), { name: '   ' })).toBe('Không được để trống');
  });

  it('names each unknown field to drop', () => {
    expect(problemsOf(body, { text: 'a', extra: 1 })).toEqual([
      { path: '/extra', code: 'unrecognized_key', message: 'Trường «extra» không được chấp nhận' },
    ]);
  });

  it('never shows zod’s own wording', () => {
    const messages = problemsOf(z.strictObject({ a: z.string(), b: z.number(), c: z.array(z.string()) }), {
      b: 'x',
      c: {},
    }).map((problem) => problem.message);

    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toMatch(/mong đợi|nhận được|Invalid|expected/i);
  });
});

describe('each kind of issue, worded', () => {
  const say = (issue: Record<string, unknown>, path: PropertyKey[] = ['x']) =>
    fieldMessage({ input: 'v', path, ...issue } as unknown as z.core.$ZodRawIssue);

  it('names the field by its path: the body, a field, an element, a nested field', () => {
    expect(fieldLabel(['communes', 3, 'name'])).toBe('communes[3].name');
    expect(fieldLabel([0, 'id'])).toBe('[0].id');
    expect(say({ code: 'custom' }, [])).toBe('Nội dung không hợp lệ');
    expect(fieldMessage({ code: 'custom', input: 1 } as unknown as z.core.$ZodRawIssue)).toBe('Nội dung không hợp lệ');
    expect(say({ code: 'custom' }, ['a', 'b'])).toBe('Trường «a.b» không hợp lệ');
  });

  it('names the expected type, or the type’s own name when it has no Vietnamese one', () => {
    expect(say({ code: 'invalid_type', expected: 'array' })).toBe('Trường «x» phải là danh sách (mảng JSON)');
    expect(say({ code: 'invalid_type', expected: 'symbol' })).toBe('Trường «x» phải là symbol');
    expect(say({ code: 'invalid_type', expected: 'string', input: undefined })).toBe('Trường «x» là bắt buộc');
  });

  it('states exact, lower and upper bounds of text, lists, sets and numbers, inclusive or not', () => {
    const small = (origin: string, minimum: number | bigint, more: Record<string, unknown> = {}) =>
      say({ code: 'too_small', origin, minimum, ...more });
    const big = (origin: string, maximum: number | bigint, more: Record<string, unknown> = {}) =>
      say({ code: 'too_big', origin, maximum, ...more });
    expect(small('string', 3)).toBe('Trường «x» phải có ít nhất 3 ký tự');
    expect(small('string', 1)).toBe('Trường «x» không được để trống');
    expect(small('array', 2, { exact: true })).toBe('Trường «x» phải có đúng 2 phần tử');
    expect(big('string', 4, { exact: true })).toBe('Trường «x» phải có đúng 4 ký tự');
    expect(big('set', 5)).toBe('Trường «x» chỉ được có tối đa 5 phần tử');
    expect(small('number', 0)).toBe('Trường «x» phải lớn hơn 0');
    expect(small('bigint', 2n, { inclusive: true })).toBe('Trường «x» phải lớn hơn hoặc bằng 2');
    expect(big('number', 10)).toBe('Trường «x» phải nhỏ hơn 10');
    expect(big('number', 1, { inclusive: true })).toBe('Trường «x» phải nhỏ hơn hoặc bằng 1');
  });

  it('words formats, multiples, single and listed values, unknown keys, unions, keys and elements', () => {
    expect(say({ code: 'invalid_format', format: 'email' })).toBe('Trường «x» phải là địa chỉ email');
    expect(say({ code: 'invalid_format', format: 'regex' })).toBe('Trường «x» không đúng định dạng yêu cầu');
    expect(say({ code: 'not_multiple_of', divisor: 5 })).toBe('Trường «x» phải là bội số của 5');
    expect(say({ code: 'invalid_value', values: ['xa'] })).toBe('Trường «x» phải là «xa»');
    expect(say({ code: 'invalid_value', values: [1, true, null] })).toBe('Trường «x» phải là một trong: 1, true, null');
    expect(say({ code: 'unrecognized_keys', keys: ['a', 'b'] })).toBe(
      'Trường «x» có trường không được chấp nhận: «a», «b»',
    );
    expect(say({ code: 'invalid_union' })).toBe('Trường «x» không khớp với dạng nào được chấp nhận');
    expect(say({ code: 'invalid_key' })).toBe('Trường «x» có khoá không hợp lệ');
    expect(say({ code: 'invalid_element' })).toBe('Trường «x» có phần tử không hợp lệ');
  });
});
