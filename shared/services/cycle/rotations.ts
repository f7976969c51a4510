/**
 * Host rotation plans, one per zone and year, and the hosting wishes they are planned from.
 * Generation is pure (`planRotation`); this module gathers its inputs and stores the result.
 */
import { getItems } from '../../db/batch';
import { type Actor, ChangeSet, type EntityRef } from '../../db/change-set';
import { type ItemKey, keys } from '../../db/keys';
import { getStored, parseStored, queryAll } from '../../db/store';
import { hostingWishRecordSchema, meetingRecordSchema, rotationRecordSchema } from '../../domain/cycle/cycle-records';
import type { MeetingRecord } from '../../domain/cycle/meeting';
import { swapMonths } from '../../domain/cycle/rotation';
import { planKeepingMonths } from '../../domain/cycle/rotation-regeneration';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { Commune } from '../../domain/structure/entities';
import { monthNumber, yearMonth } from '../../domain/time';
import { mapBounded } from '../bounded';
import { zoneCommunes } from './district-data';
import { referPlan, referWish } from './plan-references';
import {
  type HostingWishRecord,
  type RotationRecord,
  readHostingWishes,
  readRotation,
  rotationMissing,
} from './rotation-store';
import { type StoredRecord, storeRecord } from './stored-record';

function rotationRef(zoneId: string, year: number): EntityRef {
  return { type: 'rotation', id: `${zoneId}.${year}` };
}

/** The zone's meetings of a year, by month. */
async function meetingsOfYear(zoneId: string, year: number): Promise<MeetingRecord[]> {
  const items = await queryAll({
    index: 'GSI1',
    partition: keys.zoneMeetings(zoneId),
    between: [keys.zoneMeetingSortKey(yearMonth(year, 1)), keys.zoneMeetingSortKey(yearMonth(year, 12))],
  });
  return items.map((item) => parseStored(meetingRecordSchema, item).value);
}

/** Last December's host: the meeting that took place if there was one, else what the plan said (one batch read). */
async function previousDecemberHost(zoneId: string, year: number): Promise<string | undefined> {
  const decemberKey = keys.meeting(`${year - 1}-12`, zoneId);
  const planKey = keys.rotation(zoneId, year - 1);
  const items = await getItems([decemberKey, planKey]);
  const find = (key: ItemKey) => items.find((item) => item.PK === key.PK && item.SK === key.SK);
  const decemberItem = find(decemberKey);
  if (decemberItem) return parseStored(meetingRecordSchema, decemberItem).value.host?.communeId;
  const previousPlan = find(planKey);
  return previousPlan ? parseStored(rotationRecordSchema, previousPlan).value.hosts[11] : undefined;
}

/** What a zone's year is planned from besides its communes, read at once (one round trip). */
interface PlanInputs {
  readonly wishes: readonly HostingWishRecord[];
  readonly previousHost: string | undefined;
  readonly meetings: readonly MeetingRecord[];
}

async function readPlanInputs(zoneId: string, year: number): Promise<PlanInputs> {
  const [wishes, previousHost, meetings] = await Promise.all([
    readHostingWishes(zoneId, year),
    previousDecemberHost(zoneId, year),
    meetingsOfYear(zoneId, year),
  ]);
  return { wishes, previousHost, meetings };
}

function requireCommunes(zoneId: string, communes: readonly Commune[]): void {
  if (communes.length === 0) {
    throw new ConflictError('zone_has_no_communes', `Khu "${zoneId}" chưa có xã, thị trấn nào để luân phiên đăng cai.`);
  }
}

/**
 * Plans a zone's year from its communes, the wishes registered for that year and last
 * December's host, keeping every month whose meeting already exists (see `planKeepingMonths`).
 */
function planFrom(
  zoneId: string,
  year: number,
  communes: readonly Commune[],
  { wishes, previousHost, meetings }: PlanInputs,
  at: string,
): RotationRecord {
  requireCommunes(zoneId, communes);
  const kept = new Map<number, string>();
  for (const meeting of meetings) if (meeting.host) kept.set(monthNumber(meeting.month), meeting.host.communeId);
  const plan = planKeepingMonths(
    { year, communeIds: communes.map((c) => c.id), wishes, ...(previousHost ? { previousHost } : {}) },
    kept,
  );
  return {
    zoneId,
    year,
    hosts: plan.hosts,
    previousHost: previousHost ?? null,
    keptMonths: [...kept.keys()].sort((a, b) => a - b),
    generatedAt: at,
  };
}

/** `planFrom` with its inputs read; refuses a zone without communes before reading. */
export async function planZoneYear(
  zoneId: string,
  year: number,
  communes: readonly Commune[],
  at: string,
): Promise<RotationRecord> {
  requireCommunes(zoneId, communes);
  return planFrom(zoneId, year, communes, await readPlanInputs(zoneId, year), at);
}

/**
 * Generates (no plan yet) or regenerates (the plan at `expectedVersion`) a zone's rotation, once
 * `zoneExists` (the route's 404) resolves: every read runs beside that check, in one round trip;
 * the transaction checks the zone again.
 * @returns the stored plan, its version, and whether it was created.
 */
export async function generateRotation(
  zoneId: string,
  year: number,
  actor: Actor,
  expectedVersion: () => number,
  zoneExists: Promise<unknown> = Promise.resolve(),
): Promise<StoredRecord<RotationRecord>> {
  const [, existing, communes, inputs] = await Promise.all([
    zoneExists,
    readRotation(zoneId, year),
    zoneCommunes(zoneId),
    readPlanInputs(zoneId, year),
  ]);
  // Regenerating replaces whatever swaps were made since, so it must name the plan it read (428 first).
  const version = existing ? expectedVersion() : 0;
  const changes = new ChangeSet(actor);
  const record = planFrom(zoneId, year, communes, inputs, changes.at);
  referPlan(changes, existing?.value, record);
  const target = {
    ref: rotationRef(zoneId, year),
    key: keys.rotation(zoneId, year),
    conflict: () => rotationExists(zoneId, year),
  };
  return storeRecord(changes, target, record, existing, () => version, 'regenerate');
}

/** How many missing plans the opener generates at once: each reads a few items and writes one. */
const PLANS_AT_ONCE = 8;

/**
 * The plans of the year of the zones given (with their communes), by zone: the stored ones in
 * one batch read, the missing ones generated and stored (the opener's path), a few at a time.
 * Concurrent openers may both generate a plan: the loser's create fails and it reads the winner's.
 */
export async function ensureRotations(
  zones: readonly { readonly zoneId: string; readonly communes: readonly Commune[] }[],
  year: number,
  actor: Actor,
): Promise<Map<string, RotationRecord>> {
  const stored = await getItems(zones.map(({ zoneId }) => keys.rotation(zoneId, year)));
  const plans = new Map<string, RotationRecord>(
    stored.map((item) => parseStored(rotationRecordSchema, item).value).map((plan) => [plan.zoneId, plan]),
  );
  const missing = zones.filter(({ zoneId }) => !plans.has(zoneId));
  await mapBounded(missing, PLANS_AT_ONCE, async ({ zoneId, communes }) => {
    plans.set(zoneId, await createRotation(zoneId, year, communes, actor));
  });
  return plans;
}

async function createRotation(
  zoneId: string,
  year: number,
  communes: readonly Commune[],
  actor: Actor,
): Promise<RotationRecord> {
  const changes = new ChangeSet(actor);
  const record = await planZoneYear(zoneId, year, communes, changes.at);
  referPlan(changes, undefined, record);
  try {
    await changes
      .create(rotationRef(zoneId, year), keys.rotation(zoneId, year), record, () => rotationExists(zoneId, year))
      .commit();
    return record;
  } catch (error) {
    const winner = error instanceof ConflictError ? await readRotation(zoneId, year) : undefined;
    if (!winner) throw error;
    return winner.value;
  }
}

/**
 * Swaps the hosts of months `a` and `b` of a stored plan, audited with the reason. Months whose
 * meetings exist are history and cannot be swapped.
 */
export async function swapRotation(
  zoneId: string,
  year: number,
  swap: { readonly a: number; readonly b: number; readonly reason: string },
  expectedVersion: number,
  actor: Actor,
): Promise<{ record: RotationRecord; version: number }> {
  if (swap.a === swap.b) {
    throw new ValidationError([{ path: '/b', code: 'same_month', message: 'Hai tháng đổi chỗ phải khác nhau' }]);
  }
  const existing = await readRotation(zoneId, year);
  if (!existing) throw rotationMissing(zoneId, year);
  const changes = new ChangeSet(actor);
  // Checked in the swap's own transaction, so a meeting opened a moment ago (or while swapping) counts.
  for (const month of [swap.a, swap.b]) {
    changes.check(
      keys.meeting(yearMonth(year, month), zoneId),
      { expression: 'attribute_not_exists(PK)' },
      () => new ConflictError('month_has_meeting', `Tháng ${month} đã mở cuộc họp nên không đổi được nơi đăng cai.`),
    );
  }
  const swapped = swapMonths({ year, hosts: existing.value.hosts }, swap.a, swap.b);
  const record: RotationRecord = { ...existing.value, hosts: swapped.hosts };
  await changes
    .replace(rotationRef(zoneId, year), keys.rotation(zoneId, year), {
      before: existing.value,
      after: record,
      expectedVersion,
      action: 'swap',
      reason: swap.reason,
    })
    .commit();
  return { record, version: expectedVersion + 1 };
}

function rotationExists(zoneId: string, year: number): ConflictError {
  return new ConflictError('rotation_exists', `Khu "${zoneId}" đã có kế hoạch luân phiên năm ${year}.`);
}

/**
 * Registers (or replaces) the months a commune wishes to host in a year. The first registration
 * creates the record; a later one must name the version it read.
 */
export async function putHostingWishes(
  commune: Commune,
  year: number,
  months: readonly number[],
  actor: Actor,
  expectedVersion: () => number,
): Promise<StoredRecord<HostingWishRecord>> {
  const key = keys.hostingWish(commune.zoneId, year, commune.id);
  const ref = { type: 'hosting-wish', id: `${commune.id}.${year}` };
  const record: HostingWishRecord = {
    communeId: commune.id,
    zoneId: commune.zoneId,
    year,
    months: [...new Set(months)].sort((a, b) => a - b),
  };
  const existing = await getStored(hostingWishRecordSchema, key);
  const conflict = () => new ConflictError('hosting_wishes_exist', 'Xã đã đăng ký; hãy tải lại rồi gửi kèm If-Match.');
  const changes = new ChangeSet(actor);
  referWish(changes, existing?.value, record);
  return storeRecord(changes, { ref, key, conflict }, record, existing, expectedVersion);
}
