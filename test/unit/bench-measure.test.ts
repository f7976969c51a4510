import { describe, expect, it } from 'vitest';
import { busyMillis, median, percentile, roundTrips } from '../bench/measure';

describe('percentiles (nearest rank)', () => {
  it('take the value at the rank, whatever the order given', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];

    expect([median(values), percentile(values, 95), percentile(values, 10), percentile(values, 100)]).toEqual([
      5, 10, 1, 10,
    ]);
  });

  it('are the one value of a single sample, and NaN of none', () => {
    expect([median([4]), percentile([4], 95), median([])]).toEqual([4, 4, Number.NaN]);
  });
});

describe('calls to the database', () => {
  const parallel = [
    { start: 0, end: 10 },
    { start: 1, end: 12 },
    { start: 2, end: 5 },
  ];
  const thenOne = [...parallel, { start: 12, end: 20 }];

  it('count calls in flight together as one round trip, and each call after as one more', () => {
    expect([roundTrips([]), roundTrips(parallel), roundTrips(thenOne)]).toEqual([0, 1, 2]);
  });

  it('add up to the time some call was in flight, gaps left out', () => {
    expect([busyMillis([]), busyMillis(parallel), busyMillis([...thenOne, { start: 30, end: 31 }])]).toEqual([
      0, 12, 21,
    ]);
  });
});
