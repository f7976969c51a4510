import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors';
import { normaliseText } from '../../shared/domain/text';

function refusal(value: unknown, prefix?: string): ValidationError {
  try {
    normaliseText(value, prefix);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

describe('normaliseText', () => {
  it('NFC-normalises every string, however deep', () => {
    expect(normaliseText({ a: 'Hoa\u0300', b: [{ c: 'e\u0301' }], n: 1, t: true, z: null })).toEqual({
      a: 'Hoà',
      b: [{ c: 'é' }],
      n: 1,
      t: true,
      z: null,
    });
  });

  it('keeps tabs and newlines, and stores a Windows line break as a newline', () => {
    expect(normaliseText({ text: 'Mục 1\tđã xong\r\nMục 2\n' })).toEqual({ text: 'Mục 1\tđã xong\nMục 2\n' });
  });

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['bell', 'a\u0007b', 'U+0007'],
    ['a lone carriage return', 'a\rb', 'U+000D'],
    ['escape', '\u001b[31m', 'U+001B'],
    ['DEL', '\u007f', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
  ])('refuses %s, naming the field and the character', (_, text, codePoint) => {
    const error = refusal({ minutes: { text } });

    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      {
        path: '/minutes/text',
        code: 'control_character',
        message: `Trường «minutes.text» chứa ký tự điều khiển ${codePoint}; chỉ được dùng tab và xuống dòng`,
      },
    ]);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a reversed pair', '\udc00\ud800'],
  ])('refuses %s', (_, text) => {
    expect(refusal({ items: [text] }).errors).toEqual([
      {
        path: '/items/0',
        code: 'unpaired_surrogate',
        message: 'Trường «items[0]» chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)',
      },
    ]);
  });

  it('accepts characters outside the basic plane, written as surrogate pairs', () => {
    expect(normaliseText({ text: 'Chữ 𠀀 và 😀' })).toEqual({ text: 'Chữ 𠀀 và 😀' });
  });

  it('lists every refused field at once, under the given prefix', () => {
    expect(refusal({ a: '\u0001', b: 'ok', c: '\ud800' }, '/query').errors?.map((problem) => problem.path)).toEqual([
      '/query/a',
      '/query/c',
    ]);
  });
});
