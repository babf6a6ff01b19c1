/** Where progress goes: stderr in the CLI, a buffer in tests. */
export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A small progress bar on stderr, so stdout keeps only the summary. On a terminal it redraws one
 * line (throttled); elsewhere (CI logs, files) it prints a plain line every 10% instead.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly startedAt: number;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly output: ProgressOutput,
    private readonly now: () => number = () => performance.now(),
    /** What is counted, for the line: events unless said otherwise. */
    private readonly unit = 'events',
  ) {
    this.startedAt = now();
  }

  advance(count: number): void {
    this.done += count;
    const t = this.now();
    if (this.output.isTTY) {
      if (t - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = t;
      this.output.write(`\r${this.line(t)}`);
      return;
    }
    const decile = this.total === 0 ? 10 : Math.floor((this.done / this.total) * 10);
    if (decile === this.lastDecile) return;
    this.lastDecile = decile;
    this.output.write(`${this.line(t)}\n`);
  }

  finish(): void {
    if (this.output.isTTY) this.output.write(`\r${this.line(this.now())}\n`);
  }

  line(t: number): string {
    const ratio = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const width = 24;
    const filled = Math.round(ratio * width);
    const seconds = Math.max((t - this.startedAt) / 1000, 0.001);
    const rate = Math.round(this.done / seconds);
    const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${this.done}/${this.total} ${this.unit}, ${rate}/s`;
  }
}
