import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canAvoidBackToBack,
  countHonouredWishes,
  type HostingWish,
  hasBackToBack,
  hostingCounts,
  planRotation,
  type RotationInput,
  type RotationPlan,
  swapMonths,
} from '../../shared/domain/cycle/rotation';

/** Zone ids are lower-case; this one can never belong to a zone. */
const STRANGER = 'NOT-IN-ZONE';

const communeIdsArb = (min: number, max: number) =>
  fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/), { minLength: min, maxLength: max });

const inputArb = (minSize = 1, maxSize = 10): fc.Arbitrary<RotationInput> =>
  communeIdsArb(minSize, maxSize).chain((communeIds) => {
    const anyCommune = fc.constantFrom(...communeIds, STRANGER);
    return fc.record({
      year: fc.integer({ min: 2000, max: 2100 }),
      communeIds: fc.constant(communeIds),
      wishes: fc.array(
        fc.record({
          communeId: anyCommune,
          months: fc.array(fc.integer({ min: -1, max: 14 }), { maxLength: 12 }),
        }),
        { maxLength: 12 },
      ),
      previousHost: fc.option(anyCommune, { nil: undefined }),
    });
  });

const counts = (plan: RotationPlan, communeIds: readonly string[]) => [...hostingCounts(plan, communeIds).values()];

/** Every valid plan (even shares, no back-to-back) of a small zone; the oracle for optimality. */
function* validPlans(communeIds: readonly string[], previousHost?: string): Generator<string[]> {
  const base = Math.floor(12 / communeIds.length);
  let spare = 12 % communeIds.length;
  const taken = new Map(communeIds.map((id) => [id, 0]));
  const hosts: string[] = [];
  function* fill(): Generator<string[]> {
    if (hosts.length === 12) {
      yield [...hosts];
      return;
    }
    for (const id of communeIds) {
      const count = taken.get(id) ?? 0;
      const previous = hosts.length === 0 ? previousHost : hosts[hosts.length - 1];
      if (id === previous || count > base || (count === base && spare === 0)) continue;
      if (count === base) spare--;
      taken.set(id, count + 1);
      hosts.push(id);
      yield* fill();
      hosts.pop();
      taken.set(id, count);
      if (count === base) spare++;
    }
  }
  yield* fill();
}

describe('planRotation: properties', () => {
  it('gives 12 hosts from the zone, as evenly as possible', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const plan = planRotation(input);
        expect(plan.year).toBe(input.year);
        expect(plan.hosts).toHaveLength(12);
        for (const host of plan.hosts) expect(input.communeIds).toContain(host);
        const perCommune = counts(plan, input.communeIds);
        expect(perCommune).toHaveLength(input.communeIds.length);
        expect(Math.max(...perCommune) - Math.min(...perCommune)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('has every commune of a 4-to-6-commune zone host 2 or 3 times', () => {
    fc.assert(
      fc.property(inputArb(4, 6), (input) => {
        for (const count of counts(planRotation(input), input.communeIds)) {
          expect(count === 2 || count === 3).toBe(true);
        }
      }),
    );
  });

  it('never hosts back-to-back, year boundary included, unless that is unavoidable', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const plan = planRotation(input);
        expect(hasBackToBack(plan, input.previousHost)).toBe(!canAvoidBackToBack(input.communeIds));
      }),
    );
  });

  it('is deterministic, whatever the order of the wishes', () => {
    fc.assert(
      fc.property(
        inputArb().chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.wishes], { minLength: input.wishes.length, maxLength: input.wishes.length }),
          ),
        ),
        ([input, shuffled]) => {
          const plan = planRotation(input);
          expect(planRotation(input)).toEqual(plan);
          const reordered = shuffled.map((wish) => ({ ...wish, months: [...wish.months].reverse() }));
          expect(planRotation({ ...input, wishes: reordered })).toEqual(plan);
        },
      ),
    );
  });

  it('ignores wishes for unknown communes and months', () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const noise: HostingWish[] = [
          { communeId: STRANGER, months: [1, 2, 3] },
          { communeId: input.communeIds[0] as string, months: [0, 13, -4, 2.5] },
        ];
        expect(planRotation({ ...input, wishes: [...noise, ...input.wishes] })).toEqual(planRotation(input));
      }),
    );
  });

  it('honours a lone wish in a zone of two or more', () => {
    fc.assert(
      fc.property(
        communeIdsArb(2, 10).chain((communeIds) =>
          fc.record({
            communeIds: fc.constant(communeIds),
            wisher: fc.constantFrom(...communeIds),
            month: fc.integer({ min: 1, max: 12 }),
            previousHost: fc.option(fc.constantFrom(...communeIds), { nil: undefined }),
          }),
        ),
        ({ communeIds, wisher, month, previousHost }) => {
          // Back-to-back outranks a wish: last December's host cannot take January, and two
          // communes after a previous host must alternate from January, which fixes who hosts when.
          fc.pre(!(month === 1 && wisher === previousHost));
          const alternationFixed = communeIds.length === 2 && previousHost !== undefined;
          fc.pre(!alternationFixed || month % 2 === (wisher === previousHost ? 0 : 1));
          const plan = planRotation({
            year: 2026,
            communeIds,
            previousHost,
            wishes: [{ communeId: wisher, months: [month] }],
          });
          expect(plan.hosts[month - 1]).toBe(wisher);
        },
      ),
    );
  });

  it('honours every wish when one valid plan can honour them all', () => {
    // A witness plan: rounds in which every commune hosts once, in a random order, so shares are
    // even; a round starting with the commune that ended the previous one swaps its first two.
    const witnessArb = communeIdsArb(2, 10).chain((communeIds) =>
      fc
        .array(fc.shuffledSubarray(communeIds, { minLength: communeIds.length, maxLength: communeIds.length }), {
          minLength: Math.ceil(12 / communeIds.length),
          maxLength: Math.ceil(12 / communeIds.length),
        })
        .chain((rounds) => {
          const hosts: string[] = [];
          for (const round of rounds) {
            const order = [...round];
            if (order[0] === hosts[hosts.length - 1]) [order[0], order[1]] = [order[1] as string, order[0] as string];
            hosts.push(...order);
          }
          const witness = hosts.slice(0, 12);
          return fc.record({
            communeIds: fc.constant(communeIds),
            witness: fc.constant(witness),
            wishedMonths: fc.subarray(witness.map((_, index) => index + 1)),
            previousHost: fc.option(fc.constantFrom(...communeIds.filter((id) => id !== witness[0])), {
              nil: undefined,
            }),
          });
        }),
    );
    fc.assert(
      fc.property(witnessArb, ({ communeIds, witness, wishedMonths, previousHost }) => {
        const wishes = communeIds.map((communeId) => ({
          communeId,
          months: wishedMonths.filter((month) => witness[month - 1] === communeId),
        }));
        const plan = planRotation({ year: 2027, communeIds, wishes, previousHost });
        expect(countHonouredWishes(plan, wishes)).toBe(wishedMonths.length);
      }),
    );
  });

  it('honours as many wishes as the best valid plan of a small zone', () => {
    fc.assert(
      fc.property(inputArb(1, 3), (input) => {
        let best = -1;
        for (const hosts of validPlans(input.communeIds, input.previousHost)) {
          best = Math.max(best, countHonouredWishes({ year: input.year, hosts }, input.wishes));
        }
        // No valid plan at all is exactly the case where back-to-back is unavoidable.
        expect(best >= 0).toBe(canAvoidBackToBack(input.communeIds));
        if (best >= 0) expect(countHonouredWishes(planRotation(input), input.wishes)).toBe(best);
      }),
      { numRuns: 60 },
    );
  });

  it('cannot honour more wishes by swapping two months without going back-to-back', () => {
    fc.assert(
      fc.property(inputArb(2, 10), (input) => {
        const plan = planRotation(input);
        const honoured = countHonouredWishes(plan, input.wishes);
        for (let a = 1; a <= 12; a++) {
          for (let b = a + 1; b <= 12; b++) {
            const swapped = swapMonths(plan, a, b);
            if (hasBackToBack(swapped, input.previousHost)) continue;
            expect(countHonouredWishes(swapped, input.wishes)).toBeLessThanOrEqual(honoured);
          }
        }
      }),
    );
  });
});

describe('planRotation: examples', () => {
  const zone = ['gia-tan', 'gia-khanh', 'gia-xuyen', 'gia-luong', 'le-loi', 'thong-nhat'];

  it('rotates six communes twice each without back-to-back', () => {
    const plan = planRotation({ year: 2026, communeIds: zone, wishes: [] });
    expect(counts(plan, zone)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(hasBackToBack(plan)).toBe(false);
  });

  it('lets a lone commune host every month', () => {
    const plan = planRotation({ year: 2026, communeIds: ['gia-loc'], wishes: [], previousHost: 'gia-loc' });
    expect(plan.hosts).toEqual(Array(12).fill('gia-loc'));
    expect(canAvoidBackToBack(['gia-loc'])).toBe(false);
  });

  it('alternates two communes, starting with the one that did not host last December', () => {
    const plan = planRotation({ year: 2026, communeIds: ['a', 'b'], wishes: [], previousHost: 'a' });
    expect(plan.hosts).toEqual(['b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a']);
  });

  it('honours four compatible pairs of wishes in a four-commune zone', () => {
    const communeIds = zone.slice(0, 4);
    const wishes = communeIds.map((communeId, index) => ({ communeId, months: [index + 1, index + 7] }));
    const plan = planRotation({ year: 2026, communeIds, wishes });
    expect(countHonouredWishes(plan, wishes)).toBe(8);
    expect(plan.hosts.slice(0, 4)).toEqual(communeIds);
  });

  it('gives a month wished by three communes to exactly one of them, and the others theirs', () => {
    const wishes = [
      { communeId: 'gia-tan', months: [3] },
      { communeId: 'gia-khanh', months: [3, 9] },
      { communeId: 'gia-xuyen', months: [3, 11] },
    ];
    const plan = planRotation({ year: 2026, communeIds: zone.slice(0, 5), wishes });
    expect(['gia-tan', 'gia-khanh', 'gia-xuyen']).toContain(plan.hosts[2]);
    expect(plan.hosts[8]).toBe('gia-khanh');
    expect(plan.hosts[10]).toBe('gia-xuyen');
  });

  it('caps a commune that wishes every month at its share, never two months running', () => {
    const months = Array.from({ length: 12 }, (_, index) => index + 1);
    const plan = planRotation({ year: 2026, communeIds: zone, wishes: [{ communeId: 'le-loi', months }] });
    expect(hostingCounts(plan).get('le-loi')).toBe(2);
    expect(hasBackToBack(plan)).toBe(false);
  });

  it('does not give January to last December’s host even when it wishes it', () => {
    const plan = planRotation({
      year: 2026,
      communeIds: zone.slice(0, 4),
      wishes: [{ communeId: 'gia-tan', months: [1] }],
      previousHost: 'gia-tan',
    });
    expect(plan.hosts[0]).not.toBe('gia-tan');
  });

  it('leaves one commune of a 13-commune zone without a month', () => {
    const communeIds = Array.from({ length: 13 }, (_, index) => `xa-${index}`);
    const perCommune = counts(planRotation({ year: 2026, communeIds, wishes: [] }), communeIds);
    expect(perCommune.filter((count) => count === 0)).toHaveLength(1);
    expect(perCommune.filter((count) => count === 1)).toHaveLength(12);
  });

  it('rejects an empty zone and a commune listed twice', () => {
    expect(() => planRotation({ year: 2026, communeIds: [], wishes: [] })).toThrow(RangeError);
    expect(() => planRotation({ year: 2026, communeIds: ['a', 'b', 'a'], wishes: [] })).toThrow(RangeError);
    expect(() => planRotation({ year: 2026.5, communeIds: ['a'], wishes: [] })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  const plan: RotationPlan = { year: 2026, hosts: ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c'] };

  it('swaps two months into a new plan', () => {
    const swapped = swapMonths(plan, 1, 2);
    expect(swapped.hosts.slice(0, 3)).toEqual(['b', 'a', 'c']);
    expect(plan.hosts[0]).toBe('a');
    expect(swapped.year).toBe(2026);
    expect(swapMonths(plan, 5, 5)).toEqual(plan);
    expect(() => swapMonths(plan, 0, 3)).toThrow(RangeError);
    expect(() => swapMonths(plan, 3, 13)).toThrow(RangeError);
  });

  it('keeps the shares when swapping, and swapping back restores the plan', () => {
    const month = fc.integer({ min: 1, max: 12 });
    fc.assert(
      fc.property(inputArb(), month, month, (input, a, b) => {
        const original = planRotation(input);
        const swapped = swapMonths(original, a, b);
        expect(swapped.hosts[a - 1]).toBe(original.hosts[b - 1]);
        expect(hostingCounts(swapped)).toEqual(hostingCounts(original));
        expect(swapMonths(swapped, b, a)).toEqual(original);
      }),
      { numRuns: 50 },
    );
  });

  it('counts hosting months, including communes that host none', () => {
    const counted = hostingCounts(plan, ['a', 'b', 'c', 'd']);
    expect([...counted]).toEqual([
      ['a', 4],
      ['b', 4],
      ['c', 4],
      ['d', 0],
    ]);
  });

  it('counts each honoured wish once', () => {
    const wishes = [
      { communeId: 'a', months: [1, 1, 2] },
      { communeId: 'a', months: [4] },
      { communeId: 'c', months: [3, 4] },
    ];
    expect(countHonouredWishes(plan, wishes)).toBe(3);
  });

  it('spots back-to-back hosting, across the year boundary too', () => {
    expect(hasBackToBack(plan)).toBe(false);
    expect(hasBackToBack(plan, 'a')).toBe(true);
    expect(hasBackToBack(plan, 'b')).toBe(false);
    expect(hasBackToBack(swapMonths(plan, 2, 4))).toBe(true);
  });
});
