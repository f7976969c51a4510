import { describe, expect, it } from 'vitest';
import { readmeBlock } from '../bench/readme-table';

describe('the README copy of the bench results', () => {
  const results = {
    measuredAt: '2026-11-30T08:01:59.000Z',
    cpus: 2,
    node: 'v24.22.3',
    seconds: 171.6,
    figures: [
      { section: 'bundle size', name: 'system (141 KiB)', value: '0.42 ×', budget: '≤ 1.5 ×', pass: true },
      { section: 'requests per call', name: 'GET /zones', value: '1 reads/1 trips', budget: '≤ 2 trips', pass: false },
      { section: 'flat with size', name: 'seeding | 6 zones', value: '9,050 items' },
    ],
  };

  it('counts the failing budgets and folds the routes away under the main table', () => {
    const block = readmeBlock(results).split('\n');

    expect(block[0]).toBe('Latest run (2026-11-30 08:01 UTC, 2 cores, Node v24.22.3, 172 s, 1 budget failing):');
    const details = block.indexOf(block.find((line) => line.startsWith('<details>')) as string);
    expect(block.slice(0, details).some((line) => line.includes('GET /zones'))).toBe(false);
    expect(block.slice(details).find((line) => line.includes('GET /zones'))).toMatch(/\| \*\*FAIL\*\* \|$/);
    expect(block.at(-1)).toBe('</details>');
  });

  it('keeps a figure without a budget blank in the last columns and escapes the table’s bars', () => {
    const line = readmeBlock(results)
      .split('\n')
      .find((row) => row.includes('seeding'));

    expect(line).toBe('| flat with size | seeding \\| 6 zones | 9,050 items |  |  |');
  });
});
