import { describe, expect, it } from 'vitest';
import { busyMillis, median, percentile, roundTrips } from '../bench/measure';
import { summarise } from '../bench/request-meter';

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

describe('a stretch of work summarised', () => {
  const call = (command: string, start: number, end: number, counted: number) => ({
    command,
    start,
    end,
    bytes: 100,
    capacityUnits: 1,
    counting: { start: end, end: end + counted },
  });

  it('takes the database time from send to answer, less the meter counting what came back', () => {
    // two reads together (sent at 0, the SDK's own work until 1), then a transaction sent at 20.
    const calls = [
      call('QueryCommand', 1, 8, 1),
      call('GetItemCommand', 1, 6, 0.5),
      call('TransactWriteItemsCommand', 21, 25, 0),
    ];
    const sends = [
      { start: 0, end: 9 },
      { start: 0, end: 9 },
      { start: 20, end: 25 },
    ];

    const summary = summarise({ calls, sends });

    expect([summary.databaseMs, summary.meteringMs]).toEqual([12.5, 1.5]);
    expect([summary.reads, summary.readRoundTrips, summary.transactions, summary.bytesRead]).toEqual([2, 1, 1, 200]);
  });
});
