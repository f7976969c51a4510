/** Validation messages in Vietnamese for every request the API reads (see `../domain/field-messages.ts`). */
import * as z from 'zod/mini';
import { fieldMessage } from '../domain/field-messages';

// Messages written in a schema still win; every other issue names its field and what is expected.
z.config({ localeError: fieldMessage });

export { pointer, problemsOf, validate } from '../domain/validation';
