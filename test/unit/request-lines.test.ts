/** The local gateway's readable request line. */
import { describe, expect, it } from 'vitest';
import { requestLine } from '../../infra/local/request-lines';

const outcome = {
  requestId: 'req-1',
  method: 'PATCH',
  path: '/officials/bi-thu-1',
  routeKey: 'PATCH /officials/{officialId}',
  operation: 'officials.update',
  officialId: 'van-phong-1',
  status: 412,
  problemCode: 'etag_mismatch',
  durationMs: 7.6,
};

describe('requestLine', () => {
  it('reads time (Vietnam), status, method, path, operation, official, milliseconds and code', () => {
    expect(requestLine(outcome, new Date('2027-03-05T07:03:27Z'))).toBe(
      '14:03:27 412 PATCH /officials/bi-thu-1 officials.update van-phong-1 8ms etag_mismatch',
    );
  });

  it('marks what is unknown with a dash and ends without a code on success', () => {
    const unmatched = { ...outcome, operation: undefined, officialId: undefined, status: 200, problemCode: undefined };
    expect(requestLine(unmatched, new Date('2027-03-05T17:00:00Z'))).toBe(
      '00:00:00 200 PATCH /officials/bi-thu-1 - - 8ms',
    );
  });
});
