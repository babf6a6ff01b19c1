import { registerAuditEvents } from '../history/audit-event-registry';

/** How history and the audit log show the ledger's checkpoints (`history(id: "ledger-checkpoints")`). */
export const LEDGER_AUDIT_EVENTS = registerAuditEvents({
  LedgerCheckpointed: {
    position: 'String',
    eventCount: 'Int',
    streamCount: 'Int',
    merkleRoot: 'String',
    keyId: 'String',
    algorithm: 'String',
    publicKey: 'String',
    signature: 'String',
  },
});
