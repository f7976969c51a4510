/** Validation messages in Vietnamese for every request the API reads (see `../domain/validation.ts`). */
import * as z from 'zod/mini';
import vi from 'zod/v4/locales/vi.js';

z.config(vi());

export { pointer, problemsOf, validate } from '../domain/validation';
