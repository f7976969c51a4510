/**
 * `GET /stats/proposals.svg`: the monthly counts as bars stacked by field, with Vietnamese labels,
 * drawn as plain SVG (no script, no outside font or file), so the office can print it into its
 * reports or open it in any browser.
 */
import { type ProposalField, proposalFieldLabels, proposalFields } from '../proposals/proposal-fields';
import { addMonths, monthNumber, monthYear } from '../time';
import type { Tally } from './proposal-stats';

/** One colour per field, told apart in print as on screen. */
const FIELD_COLOURS: Record<ProposalField, string> = {
  agriculture: '#2e7d32',
  'industry-infrastructure': '#1565c0',
  policy: '#c62828',
  land: '#8d6e63',
  'culture-society': '#6a1b9a',
  'security-defence': '#37474f',
  'party-government': '#ef6c00',
  other: '#9e9e9e',
};

const WIDTH = 1000;
const PLOT = { left: 60, top: 50, width: 900, height: 320 };
const LEGEND_TOP = PLOT.top + PLOT.height + 75;
const LEGEND_ROW = 20;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round step for the count axis: 1, 2 or 5 times a power of ten, about five ticks. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? rough;
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The chart of `counted` (a tally by field) over every month from `from` to `to`. */
export function monthlyFieldChart(counted: Tally, range: { from: string; to: string }, title: string): string {
  const months = monthsOf(range.from, range.to);
  const totals = months.map((month) => [...(counted.get(month)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const step = tickStep(Math.max(...totals, 1));
  const top = Math.ceil(Math.max(...totals, 1) / step) * step;
  const slot = PLOT.width / months.length;
  const barWidth = Math.max(slot * 0.8, 0.5);
  const y = (count: number) => PLOT.top + PLOT.height - (count / top) * PLOT.height;
  const parts: string[] = [];

  for (let tick = 0; tick <= top; tick += step) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${PLOT.left + PLOT.width}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e0e0e0"/>`,
      `<text x="${PLOT.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  months.forEach((month, i) => {
    const x = PLOT.left + i * slot + (slot - barWidth) / 2;
    let base = 0;
    for (const field of proposalFields) {
      const count = counted.get(month)?.get(field) ?? 0;
      if (count === 0) continue;
      const label = `${monthNumber(month)}/${monthYear(month)} – ${proposalFieldLabels[field]}: ${count}`;
      parts.push(
        `<rect x="${x.toFixed(2)}" y="${y(base + count).toFixed(2)}" width="${barWidth.toFixed(2)}" height="${(y(base) - y(base + count)).toFixed(2)}" fill="${FIELD_COLOURS[field]}"><title>${escapeXml(label)}</title></rect>`,
      );
      base += count;
    }
    // one label a year (January), or every month of a short range.
    if (months.length <= 24 || monthNumber(month) === 1) {
      const text = months.length <= 24 ? `${monthNumber(month)}/${monthYear(month)}` : String(monthYear(month));
      const tx = PLOT.left + (i + 0.5) * slot;
      const ty = PLOT.top + PLOT.height + 16;
      parts.push(
        `<text x="${tx.toFixed(2)}" y="${ty}" text-anchor="end" transform="rotate(-45 ${tx.toFixed(2)} ${ty})">${text}</text>`,
      );
    }
  });
  const legend = proposalFields.map((field, i) => {
    const x = PLOT.left + (i % 2) * (PLOT.width / 2);
    const ly = LEGEND_TOP + Math.floor(i / 2) * LEGEND_ROW;
    return `<rect x="${x}" y="${ly - 10}" width="12" height="12" fill="${FIELD_COLOURS[field]}"/><text x="${x + 18}" y="${ly}">${escapeXml(proposalFieldLabels[field])}</text>`;
  });
  const height = LEGEND_TOP + Math.ceil(proposalFields.length / 2) * LEGEND_ROW + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Arial, sans-serif" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="16" y="${PLOT.top + PLOT.height / 2}" text-anchor="middle" transform="rotate(-90 16 ${PLOT.top + PLOT.height / 2})">Số kiến nghị</text>`,
    ...parts,
    `<line x1="${PLOT.left}" x2="${PLOT.left + PLOT.width}" y1="${y(0)}" y2="${y(0)}" stroke="#424242"/>`,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
