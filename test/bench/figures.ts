/** A measured figure, its budget and whether it holds; printed as one table and kept in `bench/results.json`. */

export interface Figure {
  readonly section: string;
  readonly name: string;
  /** The figure as printed. */
  readonly value: string;
  /** The budget as printed; none for a figure that is reported only. */
  readonly budget?: string;
  readonly pass?: boolean;
  /** The raw numbers behind the figure, for the results file. */
  readonly data?: Readonly<Record<string, number>>;
}

/** `value` against a ceiling, printed with `digits` decimals. */
export function ratioFigure(
  section: string,
  name: string,
  ratio: number,
  ceiling: number,
  data: Record<string, number>,
): Figure {
  return {
    section,
    name,
    value: `${ratio.toFixed(2)} ×`,
    budget: `≤ ${ceiling} ×`,
    pass: ratio <= ceiling,
    data: { ...data, ratio },
  };
}

export function failures(figures: readonly Figure[]): Figure[] {
  return figures.filter((figure) => figure.pass === false);
}

/** One table: section, figure, value, budget, pass or FAIL. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    f.value,
    f.budget ?? '',
    f.pass === undefined ? '' : f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['section', 'figure', 'value', 'budget', ''];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
