/** Regenerating a rotation around the months whose meetings already exist. */
import { describe, expect, it } from 'vitest';
import { hasBackToBack, hostingCounts } from '../../shared/domain/cycle/rotation';
import { planKeepingMonths } from '../../shared/domain/cycle/rotation-regeneration';

const communeIds = ['a', 'b', 'c', 'd'];

describe('planKeepingMonths', () => {
  it('drops a wish for a kept month but honours the wisher’s other months, keeping shares even', () => {
    const plan = planKeepingMonths(
      {
        year: 2027,
        communeIds,
        wishes: [
          { communeId: 'b', months: [1, 3] },
          { communeId: 'd', months: [1] },
        ],
      },
      new Map([[1, 'c']]),
    );

    expect(plan.hosts[0]).toBe('c');
    expect(plan.hosts[2]).toBe('b');
    expect([...hostingCounts(plan, communeIds).values()]).toEqual([3, 3, 3, 3]);
    expect(hasBackToBack(plan)).toBe(false);
  });

  it('still honours wishes for months no meeting has fixed', () => {
    const plan = planKeepingMonths(
      { year: 2027, communeIds, wishes: [{ communeId: 'b', months: [12] }] },
      new Map([[1, 'a']]),
    );

    expect(plan.hosts[0]).toBe('a');
    expect(plan.hosts[11]).toBe('b');
  });
});
