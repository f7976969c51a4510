/**
 * Headers every response carries, from the handlers and the local gateway alike: answers hold
 * officials' data and change with every write, so nothing may store them, and browsers must take
 * the declared content type as it is.
 */
export const EVERY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
