import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventStore } from '@cdtt/event-sourcing';
import type { ProgressBar } from '../cli/progress-bar';
import { readAllPages } from './event-log-sources';

export interface ExportSummary {
  readonly events: number;
  readonly streams: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/**
 * Writes the whole log as NDJSON: one RecordedEvent per line, exactly as stored (hashes
 * included), in `$all` order, so the file verifies offline with the same checks (ADR 0009).
 * Honours backpressure: memory stays at one page whatever the log's size.
 */
export async function exportEvents(
  store: EventStore,
  sink: Writable,
  progress: ProgressBar | null,
  /** Only events of these streams (a province's export); all when absent. */
  keep: ((streamName: string) => boolean) | null = null,
): Promise<ExportSummary> {
  const started = performance.now();
  const streams = new Set<string>();
  let events = 0;
  let bytes = 0;
  for await (const page of readAllPages(store)) {
    let chunk = '';
    for (const event of page) {
      if (keep !== null && !keep(event.streamName)) continue;
      chunk += `${JSON.stringify(event)}\n`;
      streams.add(event.streamName);
      events += 1;
    }
    bytes += Buffer.byteLength(chunk);
    if (!sink.write(chunk)) await once(sink, 'drain');
    progress?.advance(page.length);
  }
  progress?.finish();
  return { events, streams: streams.size, bytes, elapsedMs: performance.now() - started };
}

export function exportSummaryLine(summary: ExportSummary): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = Math.round(summary.events / Math.max(seconds, 0.001));
  return `exported ${summary.events} events of ${summary.streams} streams, ${summary.bytes} bytes in ${seconds.toFixed(1)} s (${rate} events/s)`;
}
