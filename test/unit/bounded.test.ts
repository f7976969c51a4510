import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../shared/services/bounded';

describe('work run a few at a time', () => {
  it('keeps at most `limit` pieces in flight, uses all of them, and returns results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n, index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return `${index}:${n}`;
    });

    expect(most).toBe(3);
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
  });

  it('stops at the first failure it is handed', async () => {
    await expect(
      mapBounded([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('hỏng');
        return n;
      }),
    ).rejects.toThrow('hỏng');
  });
});
