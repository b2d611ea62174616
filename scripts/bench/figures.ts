/** The benchmark's figures, their targets, and the table they are printed as. */

export type Unit = 'KB' | 'ms' | 'MB' | 'requests' | 'panels' | 'reads';

export interface Target {
  text: string;
  holds(measured: number, floor: number | undefined): boolean;
}

export interface Figure {
  name: string;
  measured: number;
  unit: Unit;
  /** What the figure is compared with, measured in the same run. */
  floor?: number;
  target: Target;
  /** How it was measured, shown under the table. */
  note?: string;
  /** Why the target cannot be reached honestly; a failing figure with one does not fail the run. */
  knownMiss?: string;
}

const COUNTED_UNITS = new Set<Unit>(['requests', 'panels', 'reads']);

/** "1 request", "2 requests", "20 ms". */
function quantity(value: number, unit: Unit): string {
  return `${value} ${value === 1 && COUNTED_UNITS.has(unit) ? unit.slice(0, -1) : unit}`;
}

export function atMost(limit: number, unit: Unit): Target {
  return { text: `≤ ${quantity(limit, unit)}`, holds: (measured) => measured <= limit };
}

export function exactly(count: number, unit: Unit): Target {
  return { text: `= ${quantity(count, unit)}`, holds: (measured) => measured === count };
}

export function withinFloor(factor: number, plusMs = 0): Target {
  return {
    text: plusMs > 0 ? `≤ ${factor} × floor + ${plusMs} ms` : `≤ ${factor} × floor`,
    holds: (measured, floor) => floor !== undefined && measured <= factor * floor + plusMs,
  };
}

export function overFloorAtMost(ms: number): Target {
  return { text: `≤ floor + ${ms} ms`, holds: (measured, floor) => floor !== undefined && measured - floor <= ms };
}

export function atMostFloorPlus(extra: number, unit: Unit): Target {
  return { text: `≤ floor + ${quantity(extra, unit)}`, holds: (measured, floor) => floor !== undefined && measured <= floor + extra };
}

export type Verdict = 'yes' | 'known miss' | 'NO';

export function verdict(figure: Figure): Verdict {
  if (figure.target.holds(figure.measured, figure.floor)) {
    return 'yes';
  }
  return figure.knownMiss ? 'known miss' : 'NO';
}

function amount(value: number, unit: Unit): string {
  switch (unit) {
    case 'KB':
    case 'MB':
      return `${value.toFixed(1)} ${unit}`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    default:
      return quantity(value, unit);
  }
}

const HEADER = ['figure', 'measured', 'floor', 'ratio', 'target', 'holds?'];

function cells(figure: Figure): string[] {
  const ratio = figure.floor ? `${(figure.measured / figure.floor).toFixed(2)}×` : '—';
  return [
    figure.name,
    amount(figure.measured, figure.unit),
    figure.floor === undefined ? '—' : amount(figure.floor, figure.unit),
    ratio,
    figure.target.text,
    verdict(figure),
  ];
}

function notes(figures: Figure[], bullet: string): string[] {
  const lines = figures.flatMap((figure) => (figure.note ? [`${bullet}${figure.name}: ${figure.note}`] : []));
  const misses = figures.filter((figure) => verdict(figure) === 'known miss');
  return [
    ...lines,
    ...(misses.length > 0 ? ['', 'Known misses:'] : []),
    ...misses.map((figure) => `${bullet}${figure.name}: ${figure.knownMiss}`),
  ];
}

export function consoleTable(figures: Figure[]): string {
  const rows = [HEADER, ...figures.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(HEADER), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line), '', ...notes(figures, '  ')].join('\n');
}

export function markdownTable(figures: Figure[], preface: string[]): string {
  const row = (cellsOfRow: string[]) => `| ${cellsOfRow.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    ...preface,
    '',
    row(HEADER),
    row(HEADER.map(() => '---')),
    ...figures.map((figure) => row(cells(figure))),
    '',
    ...notes(figures, '- '),
    '',
  ].join('\n');
}
