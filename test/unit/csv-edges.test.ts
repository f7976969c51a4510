/** CSV at its edges: a file of one column, and numbers that look like formulas. */
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../shared/domain/csv';

describe('CSV edges', () => {
  it('reads a file of one column, line by line', () => {
    expect(parseCsv('khu-1\nkhu-2\n')).toEqual({
      records: [
        { line: 1, values: ['khu-1'] },
        { line: 2, values: ['khu-2'] },
      ],
    });
  });

  it('writes a negative number as a number, a text starting with a minus as text', () => {
    expect(csvLine([-5, '-5'])).toBe("-5,'-5\r\n");
  });
});
