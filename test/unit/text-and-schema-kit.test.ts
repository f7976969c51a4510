/** Text normalisation and the schema building blocks every request and config goes through. */
import { describe, expect, it } from 'vitest';
import { dateSchema, idSchema, monthSchema, text } from '../../shared/domain/schema-kit';
import { foldDiacritics, normaliseText } from '../../shared/domain/text';

const DECOMPOSED = 'Gia Lo\u0302\u0323c'; // "Gia Lộc" with combining marks
const COMPOSED = 'Gia L\u1ED9c';

describe('normaliseText', () => {
  it('composes a string to NFC', () => {
    expect(normaliseText(DECOMPOSED)).toBe(COMPOSED);
  });

  it('composes strings inside arrays and objects, at any depth, keeping the shape', () => {
    const value = { name: DECOMPOSED, list: [DECOMPOSED, { inner: [DECOMPOSED] }], count: 3, flag: true, none: null };

    expect(normaliseText(value)).toEqual({
      name: COMPOSED,
      list: [COMPOSED, { inner: [COMPOSED] }],
      count: 3,
      flag: true,
      none: null,
    });
  });

  it('leaves numbers, booleans, null and undefined as they are', () => {
    for (const value of [0, 42, true, false, null, undefined]) expect(normaliseText(value)).toBe(value);
  });

  it('keeps a parsed `__proto__` member as an own field instead of setting the prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"role": "office"}, "name": "a"}');

    const normalised = normaliseText(parsed) as Record<string, unknown>;

    expect(Object.keys(normalised)).toEqual(['__proto__', 'name']);
    expect(Object.getPrototypeOf(normalised)).toBe(Object.prototype);
    expect((normalised as { role?: string }).role).toBeUndefined();
  });
});

describe('foldDiacritics', () => {
  it('drops diacritics, folds đ and case, and collapses and trims spaces', () => {
    expect(foldDiacritics('  Đường   Xã Gia Tân\t')).toBe('duong xa gia tan');
    expect(foldDiacritics('Thị trấn GIA LỘC')).toBe('thi tran gia loc');
    expect(foldDiacritics(DECOMPOSED)).toBe('gia loc');
    expect(foldDiacritics('đ Đ')).toBe('d d');
  });
});

describe('idSchema', () => {
  it.each([
    ['a one-character id', 'a', true],
    ['a slug with digits and dashes', 'khu-1-gia-tan', true],
    ['an id starting with a digit', '1a', true],
    ['63 characters', `a${'b'.repeat(62)}`, true],
    ['64 characters', `a${'b'.repeat(63)}`, false],
    ['an empty id', '', false],
    ['a leading dash', '-khu', false],
    ['capitals', 'Khu-1', false],
    ['diacritics', 'gia-lộc', false],
    ['a space', 'khu 1', false],
    ['a dot', 'khu.1', false],
    ['a trailing newline', 'khu-1\n', false],
  ])('takes %s: %s', (_case, id, valid) => {
    expect(idSchema.safeParse(id).success).toBe(valid);
  });

  it('explains the rule in Vietnamese', () => {
    const result = idSchema.safeParse('Khu');
    expect(result.error?.issues[0]?.message).toBe(
      'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 63 ký tự)',
    );
  });
});

describe('text', () => {
  const schema = text(5);

  it('trims, then bounds the length', () => {
    expect(schema.parse('  abcde  ')).toBe('abcde');
    expect(schema.safeParse('abcdef').success).toBe(false);
  });

  it('refuses blank text with a Vietnamese message', () => {
    const result = schema.safeParse('   ');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Không được để trống');
  });

  it('refuses what is not a string', () => {
    expect(schema.safeParse(5).success).toBe(false);
  });
});

describe('monthSchema and dateSchema', () => {
  it.each([
    ['2000-01', true],
    ['2099-12', true],
    ['2026-10', true],
    ['1999-12', false],
    ['2100-01', false],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-1', false],
    ['x2026-01', false],
    ['2026-01x', false],
  ])('month %s: %s', (month, valid) => {
    expect(monthSchema.safeParse(month).success).toBe(valid);
  });

  it('explains the month rule', () => {
    expect(monthSchema.safeParse('2026-13').error?.issues[0]?.message).toBe(
      'Tháng phải có dạng YYYY-MM, từ năm 2000 đến 2099',
    );
  });

  it.each([
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2026-02-29', true], // the pattern only; the calendar check is time.ts's
    ['2026-10-10', true],
    ['2026-10-20', true],
    ['2026-10-32', false],
    ['2026-10-00', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01', false],
  ])('date %s: %s', (date, valid) => {
    expect(dateSchema.safeParse(date).success).toBe(valid);
  });

  it('explains the date rule', () => {
    expect(dateSchema.safeParse('2026-1-1').error?.issues[0]?.message).toBe('Ngày phải có dạng YYYY-MM-DD');
  });
});
