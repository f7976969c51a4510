/** Alarm names start with the app and the district: one account may hold a province's districts. */
export function alarmName(districtId: string, what: string): string {
  return `giao-ban-${districtId}-${what}`;
}
