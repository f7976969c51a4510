/** Validates input with zod and reports every problem with its JSON pointer. */
import type * as z from 'zod/mini';
import { type FieldProblem, ValidationError } from './errors';
import { fieldLabel } from './field-messages';

/** JSON pointer (RFC 6901) of a zod issue path. */
export function pointer(path: readonly PropertyKey[]): string {
  return `/${path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

export function problemsOf(error: z.core.$ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    // Unknown keys are reported one by one, each at its own path, so a client sees which field to drop.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: prefix + pointer([...issue.path, key]),
        code: 'unrecognized_key',
        message: `Trường «${fieldLabel([...issue.path, key])}» không được chấp nhận`,
      }));
    }
    // A rule of our own names its code in `params`; zod calls every such issue `custom`.
    const code = issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code;
    return [{ path: prefix + pointer(issue.path), code, message: issue.message }];
  });
}

/** Parses `input` or throws one ValidationError listing every problem. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(problemsOf(result.error, prefix));
  return result.data;
}
