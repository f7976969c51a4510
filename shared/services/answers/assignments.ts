/**
 * The office assigns a district-level proposal to one or more departments, each with a due day (by
 * default the district's rule: some days before next month's meetings). Assigning again adds
 * departments or moves due days; a department keeps its answers and rounds.
 */
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { parseValues } from '../../db/store';
import type { AssignmentsInput, DepartmentAssignment } from '../../domain/answers/answers';
import { type FieldProblem, NotFoundError, ValidationError } from '../../domain/errors';
import { type Department, departmentSchema } from '../../domain/structure/entities';
import type { ProposalStep } from '../proposals/proposal-actions';
import { addDepartmentEntry } from '../proposals/proposal-store';
import { moveQueueEntry } from './answer-queue';
import { defaultDueDateOn } from './answer-settings-store';

/** The departments named, each once and existing; 400 naming every problem otherwise. */
async function requireDepartments(input: AssignmentsInput): Promise<Map<string, Department>> {
  const ids = input.departments.map((d) => d.departmentId);
  const items = await getItems([...new Set(ids)].map((id) => keys.unit('department', id)));
  const found = new Map(parseValues(departmentSchema, items).map((d) => [d.id, d]));
  const problems: FieldProblem[] = ids.flatMap((id, index) => {
    const path = `/departments/${index}/departmentId`;
    if (!found.has(id)) return [{ path, code: 'unknown_reference', message: `Không có ban, ngành "${id}"` }];
    if (ids.indexOf(id) !== index) return [{ path, code: 'duplicate', message: `Ban, ngành "${id}" được ghi hai lần` }];
    return [];
  });
  if (problems.length > 0) throw new ValidationError(problems);
  return found;
}

/** The office's step: it acts district-wide, so no unit of the proposal is needed for its roles. */
export function assignDepartments(input: AssignmentsInput, today: string): ProposalStep {
  // The departments and the default due date do not depend on the proposal: read them beside it
  // (one round trip); the build awaits them after the proposal's guards, so the refusals keep their order.
  const reads = Promise.all([requireDepartments(input), defaultDueDateOn(today)]);
  reads.catch(() => undefined); // a guard that refuses before the build leaves them unawaited
  return { action: 'assign', unitsOf: () => ({}), build: assignmentBuilder(input, reads) };
}

function assignmentBuilder(
  input: AssignmentsInput,
  reads: Promise<[Map<string, Department>, string]>,
): ProposalStep['build'] {
  return async (record, _to, changes) => {
    const [departments, defaultDue] = await reads;
    const current = new Map((record.assignments ?? []).map((a) => [a.departmentId, a]));
    for (const { departmentId, dueDate } of input.departments) {
      const before = current.get(departmentId);
      const after: DepartmentAssignment = before
        ? { ...before, dueDate: dueDate ?? before.dueDate }
        : {
            departmentId,
            departmentName: departments.get(departmentId)?.name ?? departmentId,
            status: 'awaiting',
            dueDate: dueDate ?? defaultDue,
            assignedAt: changes.at,
            answerCount: 0,
            rounds: 0,
          };
      current.set(departmentId, after);
      moveQueueEntry(changes, record, before, after);
      if (!before) {
        addDepartmentEntry(changes, record, departmentId);
        // the department must still exist as this commits, and keeps its history: its id never passes to another.
        changes.markInUse(
          keys.unit('department', departmentId),
          () => new NotFoundError(`Ban, ngành "${departmentId}" không còn tồn tại.`, 'department_not_found'),
        );
      }
    }
    const named = input.departments.map(({ departmentId }) => {
      const assignment = current.get(departmentId);
      return `${assignment?.departmentName} (hạn ${assignment?.dueDate})`;
    });
    return {
      after: { ...record, assignments: [...current.values()] },
      note: input.note ?? `Giao trả lời: ${named.join('; ')}`,
    };
  };
}
