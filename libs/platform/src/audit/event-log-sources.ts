import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EventStore, RecordedEvent } from '@cdtt/event-sourcing';

/** Events per `readAll` page: one round trip each, and at most this many events in memory. */
export const EXPORT_PAGE_SIZE = 1_000;

/** The whole `$all` log, page by page, in position order. */
export async function* readAllPages(store: EventStore, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<RecordedEvent[]> {
  let after: string | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.position;
    if (page.length < pageSize) return;
  }
}

/** A line of an export that is not a recorded event: the file is damaged or not an export. */
export class ExportFormatError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * The events of an NDJSON export, in file order, in pages. Only the shape the verifier relies on
 * is checked; whether the content is genuine is the chain's job. Blank lines are ignored.
 */
export async function* readNdjsonPages(path: string, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<RecordedEvent[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let page: RecordedEvent[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    page.push(parseExportLine(line, lineNumber));
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

export function parseExportLine(line: string, lineNumber: number): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ExportFormatError(lineNumber, 'not JSON');
  }
  if (!isRecordedEvent(value)) throw new ExportFormatError(lineNumber, 'not a recorded event (id, type, streamName, revision, metadata.prevHash and metadata.hash are required)');
  return value;
}

function isRecordedEvent(value: unknown): value is RecordedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const metadata = event.metadata as Record<string, unknown> | null | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.streamName === 'string' &&
    Number.isInteger(event.revision) &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.prevHash === 'string' &&
    typeof metadata.hash === 'string'
  );
}

/** Lines of a file, counted on bytes (fast), so the progress bar has a total before parsing. */
export async function countLines(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) count += 1;
  }
  return count;
}
