/** Small building blocks shared by the domain's zod schemas (zod/mini keeps handler bundles small). */
import * as z from 'zod/mini';

/** Identifier chosen by the district: lower-case ASCII slug, safe inside keys and paths. */
export const idSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 63 ký tự)'),
  );

/** Non-blank, trimmed text of bounded length. */
export function text(max: number) {
  return z.string().check(z.trim(), z.minLength(1, 'Không được để trống'), z.maxLength(max));
}

/** A calendar month in Vietnam time, `YYYY-MM`, from 2000 (records go back to 2006) to 2099. */
export const monthSchema = z
  .string()
  .check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM, từ năm 2000 đến 2099'));

/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ngày phải có dạng YYYY-MM-DD'));
