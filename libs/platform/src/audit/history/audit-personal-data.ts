import { Injectable } from '@nestjs/common';

/** Opens one sealed personal value of a stream's subject; null when the subject was forgotten. */
export type PersonalDataOpener = (streamName: string, sealed: unknown) => Promise<Readonly<Record<string, unknown>> | null>;

/** What a reader sees in place of a personal field once the person's key was destroyed (ADR 0007). */
export const ERASED_VALUE = '[erased]';

/**
 * Where the context that owns personal data (teams) plugs in its vault, so history can show
 * sealed fields opened without the platform knowing keys or ciphers. Without an opener, personal
 * fields read as null (not `[erased]`: nothing says the person was forgotten).
 */
@Injectable()
export class AuditPersonalData {
  private opener: PersonalDataOpener | null = null;

  use(opener: PersonalDataOpener): void {
    this.opener = opener;
  }

  /** The opened fields; every String field `[erased]` (others null) when the subject was forgotten. */
  async open(streamName: string, sealed: unknown, fields: Readonly<Record<string, string>>): Promise<Record<string, unknown> | null> {
    if (this.opener === null || sealed === null || sealed === undefined) return null;
    const opened = await this.opener(streamName, sealed);
    if (opened !== null) return { ...opened };
    return Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, kind === 'String' ? ERASED_VALUE : null]));
  }
}
