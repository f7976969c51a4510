/** Reading host rotation plans and hosting wishes (the read side; planning lives in `rotations.ts`). */
import { keys } from '../../db/keys';
import { findStored, queryAll, type Stored, toStored } from '../../db/store';
import { hostingWishRecordSchema, rotationRecordSchema } from '../../domain/cycle/cycle-records';
import type { HostingWish } from '../../domain/cycle/rotation';
import { NotFoundError } from '../../domain/errors';

export interface RotationRecord {
  readonly zoneId: string;
  readonly year: number;
  /** Twelve commune ids; `hosts[0]` hosts January. */
  readonly hosts: readonly string[];
  /** Who hosted the December before, which January must not repeat. */
  readonly previousHost: string | null;
  /** Months kept as they were because their meetings already existed. */
  readonly keptMonths: readonly number[];
  readonly generatedAt: string;
}

export interface HostingWishRecord extends HostingWish {
  readonly zoneId: string;
  readonly year: number;
}

export function readRotation(zoneId: string, year: number): Promise<Stored<RotationRecord> | undefined> {
  return findStored(rotationRecordSchema, keys.rotation(zoneId, year));
}

export async function readHostingWishes(zoneId: string, year: number): Promise<HostingWishRecord[]> {
  const items = await queryAll({ partition: keys.hostingWishPartition(zoneId, year) });
  return items.map((item) => toStored(hostingWishRecordSchema, item).value);
}

export function rotationMissing(zoneId: string, year: number): NotFoundError {
  return new NotFoundError(`Khu "${zoneId}" chưa có kế hoạch luân phiên năm ${year}.`, 'rotation_not_found');
}
