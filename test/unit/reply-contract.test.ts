/** The API tests' reply check: a success reply outside its route's declared schema fails the calling test. */
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/api';

describe('the reply contract check of the API tests', () => {
  it('passes a reply its route declares, query string and all', () => {
    expect(() => expectContract('GET', '/health?probe=1', { status: 'ok' })).not.toThrow();
  });

  it('fails a reply outside the declared schema, naming the route and the field', () => {
    expect(() => expectContract('GET', '/health', { status: 'ok', extra: true })).toThrow(/GET \/health[\s\S]*extra/);
    expect(() => expectContract('GET', '/zones/khu-1', { id: 'khu-1' })).toThrow(/GET \/zones\/\{zoneId\}[\s\S]*name/);
  });

  it('checks a 202 against the accepted work’s reply when the route also answers at once', () => {
    const summary = { created: 1, updated: 0, deleted: 0, unchanged: 0 };
    expect(() => expectContract('PUT', '/structure', summary, 200)).not.toThrow();
    expect(() => expectContract('PUT', '/structure', summary, 202)).toThrow(/PUT \/structure[\s\S]*id/);
  });

  it('fails JSON from a path no route answers with JSON', () => {
    expect(() => expectContract('GET', '/nowhere', {})).toThrow('GET /nowhere answered JSON');
  });
});
