/**
 * Assigning a role to an official and ending an assignment. An assignment stores the units it
 * reaches (a cell secretary's cell, commune and zone), read from the structure when it is made,
 * so access checks and attendee lists need no further reads.
 */
import { type Actor, ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getItem } from '../../db/store';
import { PreconditionFailedError, ValidationError } from '../../domain/errors';
import { type Assignment, type AssignmentInput, assignmentId } from '../../domain/structure/entities';
import { roleCatalogue, scopeOfRole } from '../../domain/structure/roles';
import { forgetCallersOf } from './callers';
import { loadAssignment } from './structure-queries';
import { type AssignmentReach, assignmentKeys, reachOf } from './unit-items';
import { unknownReference } from './unit-kinds';
import { dropReference, referTo } from './unit-references';

/** A scope is required exactly when the role is scoped to a kind of unit. */
function requireMatchingScope(input: AssignmentInput): void {
  const kind = scopeOfRole(input.role);
  if ((kind === null) === (input.scopeId === undefined)) return;
  const label = roleCatalogue[input.role].label.vi;
  throw new ValidationError([
    kind === null
      ? { path: '/scopeId', code: 'unexpected_scope', message: `${label} là vai trò toàn huyện; bỏ scopeId` }
      : { path: '/scopeId', code: 'missing_scope', message: `${label} cần scopeId của một đơn vị loại ${kind}` },
  ]);
}

/**
 * Reads the scope unit (400 when it does not exist) and works out the assignment's reach; the
 * change set re-checks that the unit still exists when it commits, and counts the assignment on it.
 */
async function reachFor(assignment: Assignment, changes: ChangeSet): Promise<AssignmentReach> {
  const kind = scopeOfRole(assignment.role);
  const scopeId = assignment.scopeId;
  if (kind === null || scopeId === undefined) return {};
  const unit = await getItem(keys.unit(kind, scopeId));
  if (!unit) throw unknownReference('/scopeId', kind, scopeId);
  referTo(changes, { kind, id: scopeId }, 'assignments', () => unknownReference('/scopeId', kind, scopeId));
  const commune = kind === 'cell' ? await getItem(keys.unit('commune', String(unit.communeId))) : unit;
  return reachOf(
    assignment,
    () => commune?.zoneId as string | undefined,
    () => unit.communeId as string | undefined,
  );
}

/** Assigns a role; returns the stored assignment with the units it reaches. */
export async function createAssignment(input: AssignmentInput, actor: Actor): Promise<Assignment & AssignmentReach> {
  requireMatchingScope(input);
  const assignment: Assignment = { id: assignmentId(input), ...input };
  const changes = new ChangeSet(actor);
  referTo(changes, { kind: 'official', id: input.officialId }, 'assignments', () =>
    unknownReference('/officialId', 'official', input.officialId),
  );
  const reach = await reachFor(assignment, changes);
  // Stored items never hold undefined attributes; neither does the reply nor the audit record.
  const stored = JSON.parse(JSON.stringify({ ...assignment, ...reach })) as Assignment & AssignmentReach;
  changes.create({ type: 'assignment', id: assignment.id }, assignmentKeys(assignment, reach), stored);
  await changes.commit();
  forgetCallersOf(input.officialId);
  return stored;
}

/** Ends an assignment at the client's version, counting it off its official and its unit. */
export async function deleteAssignment(id: string, expected: number, actor: Actor): Promise<void> {
  const current = await loadAssignment(id);
  if (current.version !== expected) throw new PreconditionFailedError();
  const changes = new ChangeSet(actor);
  changes.remove({ type: 'assignment', id }, current.key, { before: current.value, expectedVersion: expected });
  const assignment = current.value as Assignment;
  dropReference(changes, { kind: 'official', id: assignment.officialId }, 'assignments');
  const kind = scopeOfRole(assignment.role);
  if (kind && assignment.scopeId) dropReference(changes, { kind, id: assignment.scopeId }, 'assignments');
  await changes.commit();
  forgetCallersOf(assignment.officialId);
}
