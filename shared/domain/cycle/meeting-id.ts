/** Meeting ids name their month and zone (`2026-12.khu-1`), so access can be decided from the path. */

export function meetingId(month: string, zoneId: string): string {
  return `${month}.${zoneId}`;
}

export function parseMeetingId(id: string): { month: string; zoneId: string } | undefined {
  const match = /^(\d{4}-(?:0[1-9]|1[0-2]))\.([a-z0-9][a-z0-9-]{0,62})$/.exec(id);
  return match?.[1] && match[2] ? { month: match[1], zoneId: match[2] } : undefined;
}
