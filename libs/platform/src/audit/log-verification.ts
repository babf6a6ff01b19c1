import type { RecordedEvent } from '@cdtt/event-sourcing';
import type { ProgressBar } from '../cli/progress-bar';
import { describeFailure, IncrementalChainVerifier, type LogVerification } from './chain-verifier';

/** Verifies a whole log read page by page (from the store or from an export). */
export async function verifyLog(pages: AsyncIterable<readonly RecordedEvent[]>, progress: ProgressBar | null): Promise<LogVerification & { elapsedMs: number }> {
  const started = performance.now();
  const verifier = new IncrementalChainVerifier();
  for await (const page of pages) {
    for (const event of page) verifier.accept(event);
    progress?.advance(page.length);
  }
  progress?.finish();
  return { ...verifier.result(), elapsedMs: performance.now() - started };
}

/** The report an auditor reads: every failing stream, then one summary line. */
export function verificationReport(result: LogVerification & { elapsedMs: number }): string[] {
  const seconds = result.elapsedMs / 1000;
  const rate = Math.round(result.events / Math.max(seconds, 0.001));
  return [
    ...result.failures.map((failure) => `FAILED ${describeFailure(failure)}`),
    `verified ${result.streams} streams, ${result.events} events in ${seconds.toFixed(1)} s (${rate} events/s): ${result.failures.length === 0 ? 'all chains intact' : `${result.failures.length} bad streams`}`,
  ];
}
