/**
 * The monthly chart read as a reader would: bars as tall as their counts, stacked in field order,
 * a round count axis, a label under every month (or every year), and a legend naming each colour.
 */
import { describe, expect, it } from 'vitest';
import { type ProposalField, proposalFieldLabels, proposalFields } from '../../shared/domain/proposals/proposal-fields';
import { monthlyFieldChart } from '../../shared/domain/stats/proposal-chart';
import type { Tally } from '../../shared/domain/stats/proposal-stats';
import { addMonths } from '../../shared/domain/time';

interface Drawn {
  tag: string;
  attrs: Record<string, string>;
  inner: string;
}

/** Every element of the picture in document order, with its attributes and what it holds. */
function drawn(svg: string): Drawn[] {
  const found: Drawn[] = [];
  for (const match of svg.matchAll(/<(svg|title|rect|line|text)\b([^>]*?)(\/?)>/g)) {
    const [whole, tag = '', attrText = '', selfClosing] = match;
    const attrs = Object.fromEntries(
      [...attrText.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k = '', v = '']) => [k, v]),
    );
    const start = (match.index ?? 0) + whole.length;
    const inner = selfClosing || tag === 'svg' ? '' : svg.slice(start, svg.indexOf(`</${tag}>`, start));
    found.push({ tag, attrs, inner });
  }
  return found;
}

const num = (element: Drawn | undefined, attr: string): number => Number(element?.attrs[attr]);

function chartOf(months: Record<string, Partial<Record<ProposalField, number>>>, from: string, to: string) {
  const counted: Tally = new Map(
    Object.entries(months).map(([month, byField]) => [month, new Map(Object.entries(byField))]),
  );
  const svg = monthlyFieldChart(counted, { from, to }, 'Kiến nghị <"A & B">');
  const elements = drawn(svg);
  const axis = elements.find((e) => e.tag === 'line' && e.attrs.stroke === '#424242');
  const gridLines = elements.filter((e) => e.tag === 'line' && e.attrs.stroke === '#e0e0e0');
  const plotTop = Math.min(...gridLines.map((g) => num(g, 'y1')));
  const left = num(axis, 'x1');
  const right = num(axis, 'x2');
  const baseline = num(axis, 'y1');
  return {
    svg,
    elements,
    axis: { left, right, baseline, plotTop },
    gridLines,
    tickLabels: elements.filter((e) => e.tag === 'text' && e.attrs['text-anchor'] === 'end' && !e.attrs.transform),
    monthLabels: elements.filter((e) => e.tag === 'text' && e.attrs.transform?.startsWith('rotate(-45')),
    bars: elements
      .filter((e) => e.tag === 'rect' && e.inner.startsWith('<title>'))
      .map((e) => ({
        x: num(e, 'x'),
        y: num(e, 'y'),
        width: num(e, 'width'),
        height: num(e, 'height'),
        fill: e.attrs.fill,
        title: e.inner.replace(/<\/?title>/g, ''),
      })),
  };
}

/** The four bars a test draws, failing plainly when there are not four. */
function fourOf<T>(bars: T[]): [T, T, T, T] {
  if (bars.length !== 4) throw new Error(`expected 4 bars, got ${bars.length}`);
  return bars as [T, T, T, T];
}

const near = (value: number) => expect.closeTo(value, 1);

// charts are drawn inside each test, so that the mutation run sees which test draws what.
describe('the bars', () => {
  const drawChart = () =>
    chartOf({ '2027-01': { land: 1, agriculture: 3 }, '2027-03': { agriculture: 2, other: 1 } }, '2027-01', '2027-03');

  it('stand on the axis, one stack a month, each field as tall as its count and in field order from the bottom', () => {
    const chart = drawChart();
    const [jan1, jan2, mar1, mar2] = fourOf(chart.bars);
    const perProposal = chart.axis.baseline - chart.axis.plotTop; // the tallest month (4) fills the plot: 4 ticks of 1

    expect(chart.bars.map((b) => b.title)).toEqual([
      `1/2027 – ${proposalFieldLabels.agriculture}: 3`,
      `1/2027 – ${proposalFieldLabels.land}: 1`,
      `3/2027 – ${proposalFieldLabels.agriculture}: 2`,
      `3/2027 – ${proposalFieldLabels.other}: 1`,
    ]);
    expect(jan1.y).toBeCloseTo(chart.axis.baseline - jan1.height, 1);
    expect(jan1.height).toBeCloseTo((3 / 4) * perProposal, 1);
    expect(jan2.height).toBeCloseTo((1 / 4) * perProposal, 1);
    expect(jan2.y + jan2.height).toBeCloseTo(jan1.y, 1);
    expect(jan2.y).toBeCloseTo(chart.axis.plotTop, 1);
    expect(mar1.height).toBeCloseTo((2 / 4) * perProposal, 1);
    expect(mar1.y + mar1.height).toBeCloseTo(chart.axis.baseline, 1);
    expect(mar2.y + mar2.height).toBeCloseTo(mar1.y, 1);
    expect(mar2.height).toBeCloseTo((1 / 4) * perProposal, 1);
  });

  it('share the plot’s width month by month, an empty month keeping its place, each bar centred over its label', () => {
    const chart = drawChart();
    const slot = (chart.axis.right - chart.axis.left) / 3;
    const [jan, , mar] = fourOf(chart.bars);

    for (const bar of chart.bars) expect(bar.width).toBeCloseTo(0.8 * slot, 1);
    expect(jan.x + jan.width / 2).toBeCloseTo(chart.axis.left + slot / 2, 1);
    expect(mar.x + mar.width / 2).toBeCloseTo(chart.axis.left + 2.5 * slot, 1);
    expect(chart.monthLabels.map((l) => l.inner)).toEqual(['1/2027', '2/2027', '3/2027']);
    expect(chart.monthLabels.map((l) => num(l, 'x'))).toEqual([
      near(chart.axis.left + slot / 2),
      near(chart.axis.left + 1.5 * slot),
      near(chart.axis.left + 2.5 * slot),
    ]);
  });

  it('take the field’s legend colour', () => {
    const chart = drawChart();
    const legend = legendOf(chart.elements);

    expect(chart.bars.map((b) => b.fill)).toEqual([
      legend.get(proposalFieldLabels.agriculture),
      legend.get(proposalFieldLabels.land),
      legend.get(proposalFieldLabels.agriculture),
      legend.get(proposalFieldLabels.other),
    ]);
    expect(new Set(legend.values()).size).toBe(proposalFields.length);
  });

  it('leave a month without proposals empty and the axis still at 0 and 1', () => {
    const empty = chartOf({}, '2027-01', '2027-02');

    expect(empty.bars).toEqual([]);
    expect(empty.tickLabels.map((t) => t.inner)).toEqual(['0', '1']);
    expect(empty.monthLabels.map((l) => l.inner)).toEqual(['1/2027', '2/2027']);
  });
});

describe('the count axis', () => {
  it.each([
    [4, ['0', '1', '2', '3', '4']],
    [10, ['0', '2', '4', '6', '8', '10']],
    [23, ['0', '5', '10', '15', '20', '25']],
    [130, ['0', '50', '100', '150']],
  ])('steps in round numbers to just above the busiest month (%i)', (busiest, ticks) => {
    const chart = chartOf(
      { '2027-02': { policy: busiest - 1, land: 1 }, '2027-03': { land: 1 } },
      '2027-02',
      '2027-03',
    );
    const top = Number(ticks.at(-1));

    expect(chart.tickLabels.map((t) => t.inner)).toEqual(ticks);
    const stack = chart.bars.slice(0, 2).reduce((sum, bar) => sum + bar.height, 0);
    expect(stack).toBeCloseTo((busiest / top) * (chart.axis.baseline - chart.axis.plotTop), 1);
  });

  it('draws a grid line across the plot at every tick, its number just left of the axis and centred on it', () => {
    const chart = chartOf({ '2027-02': { policy: 23 } }, '2027-02', '2027-02');
    const height = chart.axis.baseline - chart.axis.plotTop;

    expect(chart.axis.right).toBeGreaterThan(chart.axis.left + 500);
    const heading = chart.elements.find((e) => e.attrs['font-weight'] === 'bold');
    expect(chart.axis.plotTop).toBeGreaterThan(num(heading, 'y'));
    expect(chart.axis.plotTop).toBeLessThan(chart.axis.baseline);
    expect(chart.gridLines).toHaveLength(chart.tickLabels.length);
    chart.gridLines.forEach((line, i) => {
      const label = chart.tickLabels[i];
      expect([num(line, 'x1'), num(line, 'x2')]).toEqual([chart.axis.left, chart.axis.right]);
      expect(num(line, 'y2')).toBe(num(line, 'y1'));
      expect(num(line, 'y1')).toBeCloseTo(chart.axis.baseline - (Number(label?.inner) / 25) * height, 1);
      expect(num(label, 'x')).toBeLessThan(chart.axis.left);
      expect(num(label, 'x')).toBeGreaterThan(chart.axis.left - 20);
      expect(num(label, 'y') - num(line, 'y1')).toBeGreaterThan(0);
      expect(num(label, 'y') - num(line, 'y1')).toBeLessThan(6);
    });
  });
});

describe('the month labels', () => {
  it('name every month of a range of up to two years, below the axis, turned about their own anchor', () => {
    const chart = chartOf({}, '2025-03', '2027-02');

    expect(chart.monthLabels).toHaveLength(24);
    expect(chart.monthLabels[0]?.inner).toBe('3/2025');
    expect(chart.monthLabels[23]?.inner).toBe('2/2027');
    for (const label of chart.monthLabels) {
      expect(num(label, 'y')).toBeGreaterThan(chart.axis.baseline);
      expect(num(label, 'y')).toBeLessThan(chart.axis.baseline + 30);
      expect(label.attrs.transform).toBe(`rotate(-45 ${label.attrs.x} ${label.attrs.y})`);
    }
  });

  it('name only the years, under each January, over a longer range', () => {
    const from = '2024-03';
    const to = addMonths(from, 24);
    const chart = chartOf({}, from, to);
    const slot = (chart.axis.right - chart.axis.left) / 25;

    expect(chart.monthLabels.map((l) => l.inner)).toEqual(['2025', '2026']);
    expect(chart.monthLabels.map((l) => num(l, 'x'))).toEqual([
      near(chart.axis.left + 10.5 * slot),
      near(chart.axis.left + 22.5 * slot),
    ]);
  });
});

/** The legend's field names, each with its swatch's colour. */
function legendOf(elements: Drawn[]): Map<string, string | undefined> {
  const labels = new Set<string>(Object.values(proposalFieldLabels));
  const legend = new Map<string, string | undefined>();
  elements.forEach((e, i) => {
    const swatch = elements[i - 1];
    if (e.tag === 'text' && labels.has(e.inner) && swatch?.tag === 'rect') legend.set(e.inner, swatch.attrs.fill);
  });
  return legend;
}

describe('the legend and the frame', () => {
  const drawChart = () => {
    const chart = chartOf({ '2027-01': { land: 1 } }, '2027-01', '2027-01');
    const svgTag = chart.elements[0];
    return { chart, svgTag, height: num(svgTag, 'height') };
  };

  it('lists every field in order, two a row from the left edge and the plot’s middle, each after its swatch', () => {
    const { chart, height } = drawChart();
    const names = new Set<string>(Object.values(proposalFieldLabels));
    const texts = chart.elements.filter((e) => e.tag === 'text' && names.has(e.inner));
    const swatches = chart.elements.filter((e) => e.tag === 'rect' && e.attrs.width === '12');

    expect(texts.map((t) => t.inner)).toEqual(proposalFields.map((f) => proposalFieldLabels[f]));
    expect(swatches).toHaveLength(proposalFields.length);
    texts.forEach((text, i) => {
      const swatch = swatches[i];
      const rowStart = texts[i - (i % 2)];
      expect(num(swatch, 'x')).toBe(i % 2 === 0 ? chart.axis.left : (chart.axis.left + chart.axis.right) / 2);
      expect(num(text, 'x')).toBeGreaterThan(num(swatch, 'x') + 12);
      expect(num(text, 'x')).toBeLessThan(num(swatch, 'x') + 30);
      expect(num(swatch, 'y')).toBeLessThan(num(text, 'y'));
      expect(num(swatch, 'y') + 12).toBeGreaterThanOrEqual(num(text, 'y'));
      expect(num(text, 'y')).toBe(num(rowStart, 'y'));
      if (i >= 2) expect(num(text, 'y') - num(texts[i - 2], 'y')).toBeGreaterThanOrEqual(14);
    });
    expect(num(texts[0], 'y')).toBeGreaterThan(Math.max(...chart.monthLabels.map((l) => num(l, 'y'))));
    const lastRow = num(texts.at(-1), 'y');
    expect(height - lastRow).toBeGreaterThanOrEqual(12);
    expect(height - lastRow).toBeLessThanOrEqual(40);
  });

  it('is a white page with its escaped title as its name and heading, and the count axis named', () => {
    const { chart, svgTag, height } = drawChart();
    const width = num(svgTag, 'width');
    const heading = chart.elements.find((e) => e.tag === 'text' && e.attrs['font-weight'] === 'bold');
    const axisName = chart.elements.find((e) => e.tag === 'text' && e.inner === 'Số kiến nghị');

    expect(svgTag?.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
    expect(chart.elements[1]).toEqual({ tag: 'title', attrs: {}, inner: 'Kiến nghị &#60;&#34;A &#38; B&#34;&#62;' });
    expect(chart.elements[2]?.attrs).toEqual({ width: '100%', height: '100%', fill: '#ffffff' });
    expect(heading?.inner).toBe('Kiến nghị &#60;&#34;A &#38; B&#34;&#62;');
    expect(num(heading, 'x')).toBe(width / 2);
    expect(heading?.attrs['text-anchor']).toBe('middle');
    expect(num(axisName, 'y')).toBeCloseTo((chart.axis.plotTop + chart.axis.baseline) / 2, 1);
    expect(num(axisName, 'x')).toBeLessThan(chart.axis.left);
    expect(axisName?.attrs.transform).toBe(`rotate(-90 ${axisName?.attrs.x} ${axisName?.attrs.y})`);
  });

  it('holds nothing but its elements and ends with the closing tag and a newline', () => {
    const { chart } = drawChart();
    const loose = chart.svg
      .replace(/<(title|text)\b[^>]*>[^<]*<\/\1>/g, '')
      .replace(/<[^>]*>/g, '')
      .trim();

    expect(loose).toBe('');
    expect(chart.svg.endsWith('</svg>\n')).toBe(true);
    expect(chart.svg.split('\n').filter((line) => line.startsWith('<svg'))).toHaveLength(1);
  });
});
