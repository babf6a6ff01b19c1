/** One line of the results table: a measured figure beside its baseline, and their ratio. */
export interface Figure {
  readonly item: number;
  readonly name: string;
  readonly database: 'postgres' | 'embedded';
  readonly scale?: string;
  readonly value: number;
  readonly unit: string;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  readonly baselineName?: string;
  readonly baseline?: number;
  /** value / baseline (for times, baseline / value: above 1 is always "better than baseline"). */
  readonly ratio?: number;
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

export class Figures {
  readonly all: Figure[] = [];

  add(figure: Figure): Figure {
    this.all.push(figure);
    console.log(`  ${formatFigure(figure)}`);
    return figure;
  }
}

const round = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

export function formatFigure(f: Figure): string {
  const latency = f.p50Ms !== undefined ? ` p50 ${round(f.p50Ms)} ms p99 ${round(f.p99Ms ?? 0)} ms` : '';
  const base = f.baseline !== undefined ? ` | ${f.baselineName ?? 'baseline'} ${round(f.baseline)}` : '';
  const ratio = f.ratio !== undefined ? ` | ×${f.ratio.toFixed(2)}` : '';
  const target = f.target ? ` | ${f.target} ${f.met === undefined ? '' : f.met ? 'MET' : 'MISSED'}` : '';
  const note = f.note ? ` (${f.note})` : '';
  return `[${f.item}] ${f.name} (${f.database}${f.scale ? `, ${f.scale}` : ''}): ${round(f.value)} ${f.unit}${latency}${base}${ratio}${target}${note}`;
}

/** A Markdown table, the form docs/benchmarks.md quotes. */
export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const cells = [
      String(f.item),
      f.name,
      `${f.database}${f.scale ? ` (${f.scale})` : ''}`,
      `${round(f.value)} ${f.unit}`,
      f.p50Ms !== undefined ? `${round(f.p50Ms)} / ${round(f.p99Ms ?? 0)}` : '',
      f.baseline !== undefined ? `${f.baselineName ?? ''}: ${round(f.baseline)}` : '',
      f.ratio !== undefined ? f.ratio.toFixed(2) : '',
      f.target ? `${f.target}: ${f.met === undefined ? '–' : f.met ? 'met' : '**missed**'}` : '',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return ['| # | figure | database | value | p50 / p99 ms | baseline | ratio | target |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
