/**
 * Imports a whole district config: afterwards the table's structure equals the file. Validation
 * and every refusal happen before the first write, so a bad file writes nothing; importing the
 * same file again finds nothing to change and writes nothing. It also sets every unit's reference
 * counts to what the file implies (so an import repairs counts of any earlier state).
 */

import * as z from 'zod/mini';
import { getItems } from '../../db/batch';
import {
  type Actor,
  ChangeSet,
  type Condition,
  type EntityRef,
  MAX_TRANSACTION_ITEMS,
  NOT_IN_USE,
} from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys, type StructureKind } from '../../db/keys';
import { getStored, holdsValue, queryAll } from '../../db/store';
import { sameStored } from '../../db/stored-equality';
import { answerSettingsRecord } from '../../domain/answers/answer-records';
import type { StoredAnswerSettings } from '../../domain/answers/answer-settings';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { ImportSummary } from '../../domain/imports/import-job';
import { reportRulesSchema } from '../../domain/proposals/report-rules';
import {
  type ConfigLists,
  checkConfigReferences,
  type DistrictConfig,
  districtConfigSchema,
} from '../../domain/structure/district-config';
import {
  type Assignment,
  assignmentId,
  assignmentInputSchema,
  calendarSchema,
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from '../../domain/structure/entities';
import { assignmentView } from '../../domain/structure/structure-views';
import { problemsOf } from '../../domain/validation';
import { mapBounded } from '../bounded';
import { forgetCallersOf } from './callers';
import { recordHolding, recordOf, type StoredRecord } from './structure-queries';
import { assignmentKeys, reachOf, type UnitTypes, unitKeys } from './unit-items';
import { subjectTaken, unitKind } from './unit-kinds';
import { planReferences, type ReferenceCounts, referenceCountsOf } from './unit-references';

export type { ImportSummary };

/**
 * An import worked out against the table as read: what it changes, and its transactions, phase
 * after phase (a phase's transactions are independent of each other).
 */
export interface StructurePlan {
  readonly summary: ImportSummary;
  readonly phases: readonly (readonly ChangeSet[])[];
  /** How many transactions it writes: what decides whether it fits in one request. */
  readonly transactions: number;
  /** The officials whose record or assignments it changes: their cached callers are forgotten once it is written. */
  readonly officialsChanged: readonly string[];
}

type Existing = StoredRecord & { readonly key: ItemKey };

/** A stored unit or assignment as read, its value not checked yet (see `diff`). */
interface Read {
  readonly item: Record<string, unknown>;
  readonly key: ItemKey;
}

/** What a unit's or an assignment's item is checked against when the import reads it. */
type RecordSchema = z.ZodMiniType<Record<string, unknown>>;

/** One planned write; `ops` is how many transaction actions it takes (change + audit). */
interface Step {
  readonly ops: number;
  /** The item a step writes when another step may write it too: a transaction takes one action per item. */
  readonly item?: string;
  apply(changes: ChangeSet): void;
}

const unitOrder: readonly StructureKind[] = ['zone', 'commune', 'cell', 'department', 'official'];
const configListOf: Record<StructureKind, keyof DistrictConfig> = {
  zone: 'zones',
  commune: 'communes',
  cell: 'cells',
  department: 'departments',
  official: 'officials',
};

/** Validates an uploaded config; throws one 400 listing every problem with its JSON pointer. */
export function parseDistrictConfig(input: unknown): DistrictConfig {
  const parsed = districtConfigSchema.safeParse(input);
  if (!parsed.success) {
    // Reference problems among the valid entries belong in the same answer as the schema's.
    throw new ValidationError([...problemsOf(parsed.error), ...checkConfigReferences(referenceView(input))]);
  }
  const problems = checkConfigReferences(parsed.data);
  if (problems.length > 0) throw new ValidationError(problems);
  return parsed.data;
}

/**
 * Per list, the fields the reference checks read; other fields (and unknown ones) are the
 * schema's business, so an entry with only those wrong still counts for its references.
 */
const referenceFields = {
  zones: z.object({ id: zoneSchema.shape.id }),
  communes: z.object({ id: communeSchema.shape.id, zoneId: communeSchema.shape.zoneId }),
  cells: z.object({ id: cellSchema.shape.id, communeId: cellSchema.shape.communeId }),
  departments: z.object({ id: departmentSchema.shape.id }),
  officials: z.object({ id: officialSchema.shape.id, subject: officialSchema.shape.subject }),
  assignments: z.object(assignmentInputSchema.shape),
};

/**
 * The reference fields of a file that failed the schema, of every entry where they are valid,
 * each at its original index (sparse arrays, which the reference checks' `forEach` skips), so
 * their problems point at the right entries.
 */
function referenceView(input: unknown): ConfigLists {
  const file = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const lists: Record<string, unknown[]> = {};
  for (const [name, schema] of Object.entries(referenceFields)) {
    const entries: unknown[] = [];
    const raw = file[name];
    if (Array.isArray(raw)) {
      entries.length = raw.length;
      raw.forEach((entry, index) => {
        const result = schema.safeParse(entry);
        if (result.success) entries[index] = result.data;
      });
    }
    lists[name] = entries;
  }
  return lists as unknown as ConfigLists;
}

/** Every item of a GSI1 collection (the units of a kind, or all assignments), by id. */
async function loadExisting(collection: string): Promise<Map<string, Read>> {
  const items = await queryAll({ index: 'GSI1', partition: collection });
  return new Map(items.map((item) => [String(item.id), { item, key: { PK: String(item.PK), SK: String(item.SK) } }]));
}

/** A record as read, checked against `schema` (a malformed item stops the import). */
function checked(schema: RecordSchema, read: Read): Existing {
  return { ...recordOf(schema, read.item), key: read.key };
}

/**
 * Plans create/update/delete steps that turn `existing` into `desired`; returns the existing
 * records too, every one checked. An item holding exactly the file's entry is valid as that entry
 * is, and is taken as it without a check of its own: most of a district is unchanged by an import.
 */
function diff(
  type: string,
  desired: ReadonlyMap<string, { value: Record<string, unknown>; key: ItemKey & IndexKeys }>,
  existing: ReadonlyMap<string, Read>,
  schema: RecordSchema,
  counts: { created: number; updated: number; unchanged: number },
): { upserts: Step[]; removals: Step[]; blocked: string[]; changed: string[]; records: Map<string, Existing> } {
  const upserts: Step[] = [];
  const removals: Step[] = [];
  const blocked: string[] = [];
  const changed: string[] = [];
  const records = new Map<string, Existing>();
  for (const [id, entry] of desired) {
    const key = entry.key;
    const read = existing.get(id);
    const ref = { type, id };
    if (read && holdsValue(read.item, entry.value)) {
      counts.unchanged++;
      records.set(id, { ...recordHolding(read.item, entry.value), key: read.key });
      continue;
    }
    // Stored items never hold undefined attributes; write like with like.
    const value = JSON.parse(JSON.stringify(entry.value)) as Record<string, unknown>;
    const current = read && checked(schema, read);
    if (current) records.set(id, current);
    if (!current) {
      counts.created++;
      changed.push(id);
      upserts.push({ ops: 2, apply: (changes) => changes.create(ref, key, value) });
    } else if (!sameStored(current.value, value)) {
      counts.updated++;
      changed.push(id);
      const preserved = current.inUseSince ? { inUseSince: current.inUseSince } : {};
      upserts.push({
        ops: 2,
        apply: (changes) =>
          changes.replace(
            ref,
            key,
            { before: current.value, after: value, expectedVersion: current.version, action: 'import' },
            preserved,
          ),
      });
    } else {
      counts.unchanged++;
    }
  }
  for (const [id, read] of existing) {
    if (desired.has(id)) continue;
    const current = checked(schema, read);
    records.set(id, current);
    changed.push(id);
    if (current.inUseSince) blocked.push(id);
    removals.push({
      ops: 2,
      apply: (changes) =>
        changes.remove(
          { type, id },
          current.key,
          { before: current.value, expectedVersion: current.version, reason: 'import' },
          {
            condition: NOT_IN_USE,
            conflict: () => new ConflictError('unit_has_history', `${type} "${id}" đã có lịch sử nên không thể xoá.`),
          },
        ),
    });
  }
  return { upserts, removals, blocked, changed, records };
}

/** Imports the file in this request (see `planStructureImport`). */
export async function importStructure(config: DistrictConfig, actor: Actor): Promise<ImportSummary> {
  const plan = await planStructureImport(config, actor);
  await commitPlan(plan);
  return plan.summary;
}

/** Writes a plan, phase after phase, each phase's transactions a few at a time. */
export async function commitPlan(plan: StructurePlan): Promise<void> {
  for (const phase of plan.phases) await mapBounded(phase, TRANSACTIONS_AT_ONCE, (chunk) => chunk.commit());
  for (const officialId of plan.officialsChanged) forgetCallersOf(officialId);
}

/**
 * Works out the import of `config` against the table as it is now, refusing (409) to remove a
 * unit with history; writes nothing.
 */
export async function planStructureImport(
  config: DistrictConfig,
  actor: Actor,
  guard?: TransactionGuard,
): Promise<StructurePlan> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  // One list of steps per kind: the steps of a list are independent of each other.
  const upserts: Step[][] = [];
  const removals: Step[][] = [];
  const blocked: string[] = [];
  let officials: ReadonlyMap<string, Existing> = new Map();
  const officialsChanged = new Set<string>();
  const existingUnits: { kind: StructureKind; id: string }[] = [];
  // Every collection as stored, read at once: the plan of each is worked out from the file and it alone.
  const [existingByKind, assignmentsRead] = await Promise.all([
    Promise.all(unitOrder.map((kind) => loadExisting(keys.unitCollection(kind)))),
    loadExisting(keys.assignmentCollection),
  ]);

  for (const [index, kind] of unitOrder.entries()) {
    const list = config[configListOf[kind]] as UnitTypes[StructureKind][];
    const desired = new Map(
      list.map((unit) => [unit.id, { value: unit as unknown as Record<string, unknown>, key: unitKeys(kind, unit) }]),
    );
    const existing = existingByKind[index] as Map<string, Read>;
    existingUnits.push(...[...existing.keys()].map((id) => ({ kind, id })));
    const plan = diff(kind, desired, existing, unitKind(kind).schema, counts);
    if (kind === 'official') {
      officials = plan.records;
      for (const id of plan.changed) officialsChanged.add(id);
    }
    upserts.push(plan.upserts);
    removals.unshift(plan.removals);
    blocked.push(...plan.blocked.map((id) => `${kind} "${id}"`));
  }

  const communeZone = new Map(config.communes.map((c) => [c.id, c.zoneId]));
  const cellCommune = new Map(config.cells.map((c) => [c.id, c.communeId]));
  const desiredAssignments = new Map(
    config.assignments.map((input) => {
      const assignment: Assignment = { id: assignmentId(input), ...input };
      const reach = reachOf(
        assignment,
        (id) => communeZone.get(id),
        (id) => cellCommune.get(id),
      );
      return [
        assignment.id,
        { value: { ...assignment, ...reach } as Record<string, unknown>, key: assignmentKeys(assignment, reach) },
      ];
    }),
  );
  const assignmentPlan = diff('assignment', desiredAssignments, assignmentsRead, assignmentView, counts);
  const existingAssignments = assignmentPlan.records;
  for (const id of assignmentPlan.changed) {
    const assignment = desiredAssignments.get(id)?.value ?? existingAssignments.get(id)?.value;
    officialsChanged.add(String(assignment?.officialId));
  }
  upserts.push(assignmentPlan.upserts);
  removals.unshift(assignmentPlan.removals);
  const answerSettings: StoredAnswerSettings = { districtName: config.district.name, ...config.answers };
  // the settings beside the units' reference counts: one round trip.
  const [recount, settings] = await Promise.all([
    referenceSteps(config, existingUnits),
    Promise.all([
      settingSteps({ type: 'calendar', id: 'district' }, keys.calendar(), calendarSchema, config.calendar, counts),
      settingSteps(
        { type: 'report-rules', id: 'district' },
        keys.reportRules(),
        reportRulesSchema,
        config.reports ?? {},
        counts,
      ),
      settingSteps(
        { type: 'answer-settings', id: 'district' },
        keys.answerSettings(),
        answerSettingsRecord,
        answerSettings,
        counts,
      ),
    ]),
  ]);

  if (blocked.length > 0) {
    throw new ConflictError('unit_has_history', `Không thể xoá đơn vị đã có lịch sử: ${blocked.join(', ')}.`);
  }
  if (recount.planned.length > 0) {
    throw new ConflictError(
      'unit_in_rotation',
      `Không thể xoá đơn vị có trong kế hoạch luân phiên hoặc đăng ký đăng cai: ${recount.planned.join(', ')}.`,
    );
  }

  upserts.push(subjectSteps(config, officials), settings.flat());

  // Parents before children when adding; children before parents when removing; the reference
  // counts never below the references while they change.
  const phases = [...upserts, recount.beforeRemovals, ...removals, recount.afterRemovals].map((steps) =>
    transactionsOf(steps, actor, guard),
  );
  const deleted = removals.flat().length;
  return {
    summary: { created: counts.created, updated: counts.updated, deleted, unchanged: counts.unchanged },
    phases,
    transactions: phases.reduce((sum, phase) => sum + phase.length, 0),
    officialsChanged: [...officialsChanged],
  };
}

/**
 * Brings every unit's reference counts (`unit-references.ts`) to what the file implies. A count
 * that grows moves before the removals and one that shrinks after them (a count doing both
 * takes the larger value first), so a removal racing the import never finds a count of zero
 * while something still refers to the unit. Counts move by the difference (`ADD`), so what other
 * writers count meanwhile, and the plans and wishes the file knows nothing of, are kept; a unit
 * those name cannot be removed (`planned`). The counts of removed units go once they are.
 */
async function referenceSteps(
  config: DistrictConfig,
  existingUnits: readonly { kind: StructureKind; id: string }[],
): Promise<{ beforeRemovals: Step[]; afterRemovals: Step[]; planned: string[] }> {
  const desired = referenceCountsOf(config);
  const units = new Map(existingUnits.map((unit) => [`${unit.kind}#${unit.id}`, unit]));
  for (const key of desired.keys()) {
    const [kind, id] = key.split('#') as [StructureKind, string];
    units.set(key, { kind, id });
  }
  const stored = new Map(
    (await getItems([...units.values()].map((unit) => keys.unitReferences(unit.kind, unit.id)))).map((item) => [
      `${item.PK}|${item.SK}`,
      item,
    ]),
  );
  const beforeRemovals: Step[] = [];
  const afterRemovals: Step[] = [];
  const planned: string[] = [];
  const move = (key: ItemKey, from: ReferenceCounts, to: ReferenceCounts) => (changes: ChangeSet) =>
    changes.count(key, { children: to.children - from.children, assignments: to.assignments - from.assignments });
  for (const [name, unit] of units) {
    const key = keys.unitReferences(unit.kind, unit.id);
    const now = stored.get(`${key.PK}|${key.SK}`);
    const wanted = desired.get(name);
    if (!wanted) {
      if (planReferences.some((reference) => Number(now?.[reference] ?? 0) > 0))
        planned.push(`${unit.kind} "${unit.id}"`);
      if (now) afterRemovals.push({ ops: 1, apply: (changes) => changes.release(key) });
      continue;
    }
    const from = { children: Number(now?.children ?? 0), assignments: Number(now?.assignments ?? 0) };
    const meanwhile = {
      children: Math.max(from.children, wanted.children),
      assignments: Math.max(from.assignments, wanted.assignments),
    };
    if (!sameCounts(meanwhile, from)) {
      beforeRemovals.push({ ops: 1, item: name, apply: move(key, from, meanwhile) });
    }
    if (!sameCounts(wanted, meanwhile)) {
      afterRemovals.push({ ops: 1, item: name, apply: move(key, meanwhile, wanted) });
    }
  }
  return { beforeRemovals, afterRemovals, planned };
}

const sameCounts = (a: ReferenceCounts, b: ReferenceCounts) =>
  a.children === b.children && a.assignments === b.assignments;

/** The reservation of a subject is still held by `officialId` (or, drifted, by no one). */
function heldBy(officialId: string): Condition {
  return {
    expression: 'attribute_not_exists(PK) OR #official = :holder',
    names: { '#official': 'officialId' },
    values: { ':holder': officialId },
  };
}

/**
 * Keeps the subject reservations (one account → one official) in line with the officials: a
 * subject the file drops is released, a new one reserved, and one that changes hands (moved or
 * swapped between officials) is transferred in a single write.
 */
function subjectSteps(config: DistrictConfig, existing: ReadonlyMap<string, Existing>): Step[] {
  const steps: Step[] = [];
  const desired = new Map(config.officials.flatMap((o) => (o.subject ? [[o.subject, o.id] as const] : [])));
  const current = new Map(
    [...existing.values()].flatMap((o) =>
      typeof o.value.subject === 'string' ? [[o.value.subject, String(o.value.id)] as const] : [],
    ),
  );
  for (const subject of current.keys()) {
    if (!desired.has(subject)) steps.push({ ops: 1, apply: (changes) => changes.release(keys.subject(subject)) });
  }
  for (const [subject, officialId] of desired) {
    const holder = current.get(subject);
    if (holder === officialId) continue;
    const key = keys.subject(subject);
    steps.push({
      ops: 1,
      apply: (changes) =>
        holder === undefined
          ? changes.reserve(key, { officialId }, subjectTaken(subject))
          : changes.transfer(key, { officialId }, heldBy(holder), subjectTaken(subject)),
    });
  }
  return steps;
}

/** The steps that store one district-wide setting of the file (the calendar, the report and answer rules) as it is there. */
async function settingSteps(
  ref: EntityRef,
  key: ItemKey,
  schema: z.ZodMiniType<object>,
  setting: object,
  counts: { created: number; updated: number; unchanged: number },
): Promise<Step[]> {
  const stored = await getStored(schema, key);
  // Stored items never hold undefined attributes; write like with like.
  const value = JSON.parse(JSON.stringify(setting)) as object;
  if (!stored) {
    counts.created++;
    return [{ ops: 2, apply: (changes) => changes.create(ref, key, value) }];
  }
  if (sameStored(stored.value, value)) {
    counts.unchanged++;
    return [];
  }
  counts.updated++;
  return [
    {
      ops: 2,
      apply: (changes) =>
        changes.replace(ref, key, {
          before: stored.value,
          after: value,
          expectedVersion: stored.version,
          action: 'import',
        }),
    },
  ];
}

/** How many of an import's transactions are in flight at once. */
const TRANSACTIONS_AT_ONCE = 4;

/**
 * A condition every transaction of an import carries, so that it holds under races: the import
 * lock free (written in the request) or still held by the job writing it.
 */
export type TransactionGuard = (changes: ChangeSet) => void;

/** Puts independent steps in transactions of at most 100 actions, never writing one item twice in one. */
function transactionsOf(steps: readonly Step[], actor: Actor, guard?: TransactionGuard): ChangeSet[] {
  const chunks: ChangeSet[] = [];
  const begin = () => {
    const changes = new ChangeSet(actor);
    guard?.(changes);
    return changes;
  };
  let changes = begin();
  let written = new Set<string>();
  let stepsIn = 0;
  for (const step of steps) {
    if (changes.size + step.ops > MAX_TRANSACTION_ITEMS || (step.item !== undefined && written.has(step.item))) {
      chunks.push(changes);
      changes = begin();
      written = new Set();
      stepsIn = 0;
    }
    if (step.item !== undefined) written.add(step.item);
    step.apply(changes);
    stepsIn++;
  }
  if (stepsIn > 0) chunks.push(changes);
  return chunks;
}
