/** Small building blocks shared by the domain's zod schemas (zod/mini keeps handler bundles small). */
import * as z from 'zod/mini';

/** Identifier chosen by the district: lower-case ASCII slug, safe inside keys and paths. */
export const idSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 63 ký tự)'),
  );

const texts = new Map<number, z.ZodMiniString<string>>();

/** Non-blank, trimmed text of bounded length; one schema per bound, shared by every field of that bound. */
export function text(max: number) {
  let schema = texts.get(max);
  if (!schema) {
    schema = z.string().check(z.trim(), z.minLength(1, 'Không được để trống'), z.maxLength(max));
    texts.set(max, schema);
  }
  return schema;
}

/** A calendar month in Vietnam time, `YYYY-MM`, from 2000 (records go back to 2006) to 2099. */
export const monthSchema = z
  .string()
  .check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM, từ năm 2000 đến 2099'));

/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ngày phải có dạng YYYY-MM-DD'));

/**
 * An identifier in a path: lower-case letters, digits, `-` and `.` (meeting ids join month and zone
 * with a dot); never `#`, which the table's keys use as a separator.
 */
export const pathIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9.-]{0,127}$/, 'Mã chỉ gồm chữ thường không dấu, số, dấu gạch ngang và dấu chấm'));

/** A year in a path (`/rotations/2027`): four digits exactly, no sign, spaces, decimals or hex. */
export const yearParamSchema = z.pipe(
  z.string().check(z.regex(/^20\d{2}$/, 'Năm phải có dạng YYYY, từ 2000 đến 2099')),
  z.transform(Number),
);

/**
 * A schema built the first time it is used (to parse, or to describe), not when its module is
 * imported: a function's cold start then builds none of the schemas its requests do not use.
 * Parsing goes through it unchanged, issues and paths included (zod's `lazy`).
 */
export function lazy<S extends z.core.SomeType>(build: () => S): z.ZodMiniLazy<S> {
  return z.lazy(build);
}

/** The fields of a `lazy` object schema, building it: for another schema made of them. */
export function shapeOf<Shape extends z.core.$ZodShape>(
  schema: z.ZodMiniLazy<z.ZodMiniObject<Shape, z.core.$ZodObjectConfig>>,
): Shape {
  return schema._zod.innerType.shape;
}

/** The fields of every group, as one shape. */
type FieldsOf<Groups> = (
  Groups[keyof Groups] extends infer G
    ? G extends object
      ? (fields: G) => void
      : never
    : never
) extends (fields: infer All) => void
  ? All
  : never;

/**
 * `shape` with each group of `added` fields put right after the field of `shape` it is keyed by:
 * for a schema that adds a few fields among those it shares with another (a view's `statusLabel`
 * after the record's `status`), listed in the order its replies and the OpenAPI document show them.
 */
export function withFieldsAfter<
  Shape extends z.core.$ZodShape,
  Groups extends { readonly [Field in keyof Shape]?: z.core.$ZodShape },
>(shape: Shape, added: Groups): Shape & FieldsOf<Groups> {
  const placed: Record<string, z.core.$ZodType> = {};
  for (const [field, schema] of Object.entries(shape)) {
    placed[field] = schema;
    Object.assign(placed, added[field as keyof Groups]);
  }
  return placed as Shape & FieldsOf<Groups>;
}

/** Gives a schema a name: the OpenAPI document lists it once under that name and refers to it. */
export function named<S extends z.ZodMiniType>(schema: S, name: string): S {
  z.globalRegistry.add(schema, { id: name });
  return schema;
}

/** A list reply `{ items, nextCursor? }` of `item`. */
export function pageOf<S extends z.ZodMiniType>(item: S) {
  return z.strictObject({ items: z.array(item), nextCursor: z.optional(z.string()) });
}

/** A page of `item` under its name in the API description, built on first use like the item. */
export function namedPageOf<S extends z.ZodMiniType>(item: S, name: string) {
  return named(
    lazy(() => pageOf(item)),
    name,
  );
}

/**
 * The PATCH body of an object schema: any field but `id`, each optional; `null` clears an optional
 * field (JSON Merge Patch). Unknown fields are refused like everywhere else.
 */
export function mergePatchOf(schema: z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    if (field === 'id') continue;
    shape[field] =
      fieldSchema._zod.optin === 'optional' ? z.optional(z.nullable(fieldSchema)) : z.optional(fieldSchema);
  }
  return z.strictObject(shape);
}
