/**
 * What the import reports about its input. REJECTED: not loaded; PATCHED: loaded after a known
 * correction; NOTE: loaded as is, but a human should know (gaps the data cannot settle).
 */
export interface ImportIssue {
  readonly kind: 'REJECTED' | 'PATCHED' | 'NOTE';
  /** Stable reason, e.g. OLD_CODE_NOT_IN_PRE_2025_LIST. */
  readonly reason: string;
  readonly subject: string;
  readonly message: string;
}

export class IssueLog {
  readonly issues: ImportIssue[] = [];

  rejected(reason: string, subject: string, message: string): void {
    this.issues.push({ kind: 'REJECTED', reason, subject, message });
  }

  patched(reason: string, subject: string, message: string): void {
    this.issues.push({ kind: 'PATCHED', reason, subject, message });
  }

  note(reason: string, subject: string, message: string): void {
    this.issues.push({ kind: 'NOTE', reason, subject, message });
  }
}
