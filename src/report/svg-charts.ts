import { millions } from "./format-money.ts";

const W = 640;
const H = 260;
const M = { top: 16, right: 36, bottom: 36, left: 64 };

/** Text safe to put in HTML or SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const step0 = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= step0)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(v);
  return ticks;
}

function frame(yTicks: number[], y: (v: number) => number, yLabel: (v: number) => string, xLabels: string[], x: (i: number) => number, title: string): string {
  const grid = yTicks
    .map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${yLabel(t)}</text>`)
    .join("");
  const every = Math.ceil(xLabels.length / 10);
  const xs = xLabels
    .map((label, i) => (i % every === 0 ? `<text x="${x(i)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(label)}</text>` : ""))
    .join("");
  return `<title>${escapeHtml(title)}</title>${grid}${xs}`;
}

/** A fan chart: P5-P95 and P10-P90 bands with the median, one point a year, GBP m. */
export function fanChart(title: string, years: string[], bands: { p5: number; p10: number; p50: number; p90: number; p95: number }[]): string {
  const lo = Math.min(...bands.map((b) => b.p5));
  const hi = Math.max(...bands.map((b) => b.p95));
  const ticks = niceTicks(lo, hi);
  const [y0, y1] = [Math.min(lo, ticks[0]), Math.max(hi, ticks[ticks.length - 1])];
  const y = (v: number) => +(M.top + ((y1 - v) / (y1 - y0 || 1)) * (H - M.top - M.bottom)).toFixed(1);
  const x = (i: number) => +(M.left + (years.length === 1 ? 0.5 : i / (years.length - 1)) * (W - M.left - M.right)).toFixed(1);
  const area = (upper: (b: (typeof bands)[number]) => number, lower: (b: (typeof bands)[number]) => number) =>
    [...bands.map((b, i) => `${x(i)},${y(upper(b))}`), ...bands.map((b, i) => `${x(i)},${y(lower(b))}`).reverse()].join(" ");
  const median = bands.map((b, i) => `${x(i)},${y(b.p50)}`).join(" ");
  return `<svg class="fan-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">${frame(ticks, y, (v) => millions(v, 0), years, x, title)}<polygon points="${area((b) => b.p95, (b) => b.p5)}" fill="#c6dbef"/><polygon points="${area((b) => b.p90, (b) => b.p10)}" fill="#6baed6"/><polyline points="${median}" fill="none" stroke="#08306b" stroke-width="2"/></svg>`;
}

/** A histogram of counts over [lo, hi] in equal bins, with a line at zero when it is in range. */
export function histogramChart(title: string, h: { lo: number; hi: number; counts: number[] }): string {
  const top = Math.max(1, ...h.counts);
  const n = h.counts.length;
  const span = h.hi - h.lo || 1;
  const x = (v: number) => +(M.left + ((v - h.lo) / span) * (W - M.left - M.right)).toFixed(1);
  const y = (c: number) => +(M.top + (1 - c / top) * (H - M.top - M.bottom)).toFixed(1);
  const bars = h.counts
    .map((c, i) => {
      const x0 = x(h.lo + (i * span) / n);
      const x1 = x(h.lo + ((i + 1) * span) / n);
      return `<rect x="${x0}" y="${y(c)}" width="${Math.max(0.5, x1 - x0 - 1).toFixed(1)}" height="${(y(0) - y(c)).toFixed(1)}" fill="${h.lo + ((i + 0.5) * span) / n < 0 ? "#31a354" : "#de2d26"}"/>`;
    })
    .join("");
  const ticks = niceTicks(h.lo, h.hi);
  const axis = ticks.map((t) => `<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${millions(t, 0)}</text>`).join("");
  const zero = h.lo < 0 && h.hi > 0 ? `<line x1="${x(0)}" x2="${x(0)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#000" stroke-dasharray="4 3"/>` : "";
  return `<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${bars}${axis}${zero}<line x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}" stroke="#999"/></svg>`;
}

/** A cumulative probability curve by year with its 95% interval as a band. */
export function probabilityCurve(title: string, years: string[], points: { p: number; ci95: [number, number] }[]): string {
  const y = (v: number) => +(M.top + (1 - v) * (H - M.top - M.bottom)).toFixed(1);
  const x = (i: number) => +(M.left + (years.length === 1 ? 0.5 : i / (years.length - 1)) * (W - M.left - M.right)).toFixed(1);
  const band = [...points.map((p, i) => `${x(i)},${y(p.ci95[1])}`), ...points.map((p, i) => `${x(i)},${y(p.ci95[0])}`).reverse()].join(" ");
  const line = points.map((p, i) => `${x(i)},${y(p.p)}`).join(" ");
  return `<svg class="failure-curve" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">${frame([0, 0.25, 0.5, 0.75, 1], y, (v) => `${Math.round(v * 100)}%`, years, x, title)}<polygon points="${band}" fill="#fcbba1"/><polyline points="${line}" fill="none" stroke="#a50f15" stroke-width="2"/></svg>`;
}

/** A tornado: one horizontal bar a row from the output at an input's P10 to its output at P90, around the median case. */
export function tornadoChart(title: string, base: number, rows: { label: string; low: number; high: number }[]): string {
  const rowHeight = 22;
  const left = 330;
  const height = M.top + rows.length * rowHeight + M.bottom;
  const lo = Math.min(base, ...rows.map((r) => Math.min(r.low, r.high)));
  const hi = Math.max(base, ...rows.map((r) => Math.max(r.low, r.high)));
  const span = hi - lo || 1;
  const x = (v: number) => +(left + ((v - lo) / span) * (W + 240 - left - M.right)).toFixed(1);
  const bars = rows
    .map((r, i) => {
      const y = M.top + i * rowHeight;
      const [a, b] = [Math.min(r.low, r.high), Math.max(r.low, r.high)];
      return `<text x="${left - 6}" y="${y + 15}" text-anchor="end" font-size="11">${escapeHtml(r.label)}</text><rect x="${x(a)}" y="${y + 3}" width="${Math.max(1, x(b) - x(a)).toFixed(1)}" height="${rowHeight - 6}" fill="${r.high >= r.low ? "#de2d26" : "#31a354"}"/>`;
    })
    .join("");
  const ticks = niceTicks(lo, hi).map((t) => `<text x="${x(t)}" y="${height - M.bottom + 16}" text-anchor="middle" font-size="11">${millions(t, 0)}</text>`).join("");
  return `<svg class="tornado" viewBox="0 0 ${W + 240} ${height}" width="${W + 240}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${bars}${ticks}<line x1="${x(base)}" x2="${x(base)}" y1="${M.top}" y2="${height - M.bottom}" stroke="#000" stroke-dasharray="4 3"/></svg>`;
}
