export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  /** Drawn hollow: the step where the limit was crossed. */
  readonly broken?: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  /** SVG stroke-dasharray, e.g. `6 4`; solid when absent. */
  readonly dash?: string;
  readonly points: readonly ChartPoint[];
}

export interface ReferenceLine {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
}

export interface ChartSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale?: 'linear' | 'log';
  readonly yScale: 'linear' | 'log';
  readonly series: readonly ChartSeries[];
  readonly references?: readonly ReferenceLine[];
  /** Draws y = x (delivered against offered). */
  readonly diagonal?: boolean;
}

const WIDTH = 960;
const HEIGHT = 560;
const PLOT = { left: 80, right: 720, top: 70, bottom: 490 };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const fmt = (value: number): string =>
  value >= 1000 ? `${Number((value / 1000).toFixed(1))}k` : String(Number(value.toPrecision(3)));

/** 1, 2, 5 × 10^n steps giving about `count` ticks from 0 to `max`. */
const linearTicks = (max: number, count: number): number[] => {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(v);
  return ticks;
};

const logTicks = (min: number, max: number): number[] => {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min && v <= max) ticks.push(v);
    }
  }
  return ticks;
};

/** A small self-contained line chart; no dependency, readable as a file and in a browser. */
export const lineChart = (spec: ChartSpec): string => {
  const all = spec.series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  let xTicks: number[];
  let xOf: (v: number) => number;
  let xMax: number;
  if (spec.xScale === 'log') {
    const lo = 10 ** Math.floor(Math.log10(Math.max(1, Math.min(...all.map((p) => p.x)))));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(10, ...all.map((p) => p.x))));
    xTicks = logTicks(lo, hi);
    xMax = hi;
    xOf = (v) =>
      PLOT.left + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / Math.log10(hi / lo)) * (PLOT.right - PLOT.left);
  } else {
    xTicks = linearTicks(Math.max(1, ...all.map((p) => p.x)) * 1.05, 8);
    xMax = xTicks[xTicks.length - 1] ?? 1;
    xOf = (v) => PLOT.left + (v / xMax) * (PLOT.right - PLOT.left);
  }
  let yTicks: number[];
  let yOf: (v: number) => number;
  if (spec.yScale === 'log') {
    const refs = (spec.references ?? []).filter((r) => r.axis === 'y').map((r) => r.value);
    const values = [...all.map((p) => p.y), ...refs].filter((v) => v > 0);
    const lo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...values))));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...values) * 1.2));
    yTicks = logTicks(lo, hi);
    const [a, b] = [Math.log10(lo), Math.log10(hi)];
    yOf = (v) => PLOT.bottom - ((Math.log10(Math.max(v, lo)) - a) / (b - a)) * (PLOT.bottom - PLOT.top);
  } else {
    yTicks = linearTicks(Math.max(1, ...all.map((p) => p.y)) * 1.05, 8);
    const yMax = yTicks[yTicks.length - 1] ?? 1;
    yOf = (v) => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);
  }

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${PLOT.left}" y="28" font-size="17" font-weight="bold">${escape(spec.title)}</text>`,
  ];
  if (spec.subtitle) out.push(`<text x="${PLOT.left}" y="50" fill="#555">${escape(spec.subtitle)}</text>`);
  for (const t of xTicks) {
    out.push(
      `<line x1="${xOf(t)}" y1="${PLOT.top}" x2="${xOf(t)}" y2="${PLOT.bottom}" stroke="#eee"/>`,
      `<text x="${xOf(t)}" y="${PLOT.bottom + 20}" text-anchor="middle">${fmt(t)}</text>`,
    );
  }
  for (const t of yTicks) {
    out.push(
      `<line x1="${PLOT.left}" y1="${yOf(t)}" x2="${PLOT.right}" y2="${yOf(t)}" stroke="#eee"/>`,
      `<text x="${PLOT.left - 8}" y="${yOf(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    );
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#333"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 45}" text-anchor="middle">${escape(spec.xLabel)}</text>`,
    `<text transform="translate(22 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`,
  );
  if (spec.diagonal) {
    // y = x over the offered rates shown, as a polyline so it stays straight on any scale.
    const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
    const top = yTicks[yTicks.length - 1] ?? 1;
    const path = xs
      .filter((x) => x <= top)
      .map((x, i) => `${i === 0 ? 'M' : 'L'}${xOf(x).toFixed(1)} ${yOf(x).toFixed(1)}`)
      .join(' ');
    if (path) out.push(`<path d="${path}" fill="none" stroke="#999" stroke-dasharray="3 3"/>`);
  }
  for (const ref of spec.references ?? []) {
    if (ref.axis === 'y') {
      const y = yOf(ref.value);
      out.push(
        `<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="#d62728" stroke-dasharray="8 4" opacity="0.7"/>`,
        `<text x="${PLOT.left + 6}" y="${y - 6}" fill="#d62728">${escape(ref.label)}</text>`,
      );
    } else {
      const x = xOf(ref.value);
      out.push(
        `<line x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}" stroke="#d62728" stroke-dasharray="8 4" opacity="0.7"/>`,
        `<text x="${x + 6}" y="${PLOT.top + 16}" fill="#d62728">${escape(ref.label)}</text>`,
      );
    }
  }
  for (const series of spec.series) {
    const points = series.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (points.length === 0) continue;
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.x).toFixed(1)} ${yOf(p.y).toFixed(1)}`).join(' ');
    const dash = series.dash ? ` stroke-dasharray="${series.dash}"` : '';
    out.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const p of points) {
      const fill = p.broken ? 'white' : series.color;
      out.push(
        `<circle cx="${xOf(p.x).toFixed(1)}" cy="${yOf(p.y).toFixed(1)}" r="3.5" fill="${fill}" stroke="${series.color}" stroke-width="1.5"/>`,
      );
    }
  }
  spec.series.forEach((series, i) => {
    const y = PLOT.top + 10 + i * 22;
    const dash = series.dash ? ` stroke-dasharray="${series.dash}"` : '';
    out.push(
      `<line x1="${PLOT.right + 16}" y1="${y}" x2="${PLOT.right + 50}" y2="${y}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      `<text x="${PLOT.right + 58}" y="${y + 4}">${escape(series.name)}</text>`,
    );
  });
  const noteY = PLOT.top + 18 + spec.series.length * 22;
  out.push(
    `<circle cx="${PLOT.right + 33}" cy="${noteY}" r="3.5" fill="white" stroke="#333" stroke-width="1.5"/>`,
    `<text x="${PLOT.right + 58}" y="${noteY + 4}">step that broke</text>`,
    '</svg>',
  );
  return out.join('\n');
};
