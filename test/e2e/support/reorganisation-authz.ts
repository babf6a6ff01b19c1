import { ALL_MUTATIONS, AuthorizationWorld, type Role, type Side } from './authorization-world';
import { waitForProjections } from './catch-up';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes } from '@cdtt/platform/testing';

const RECORD = `mutation($input: RecordUnitSuccessionInput!) { recordUnitSuccession(input: $input) { recorded userErrors { code field } } }`;
const STATUS = `query($id: ID!) { team(id: $id) { id communeCode provinceCode reorganisation { status } } }`;

export interface TeamSeen {
  readonly id: string;
  readonly communeCode: string;
  readonly provinceCode: string | null;
  readonly reorganisation: { readonly status: string } | null;
}

/**
 * The authorisation world with provinces and communes of its own for reorganisation tests: each
 * test takes fresh communes, so an edge it records moves only its own teams, never the matrix's
 * or another run's.
 */
export class ReorganisationAuthzWorld extends AuthorizationWorld {
  /**
   * In force in 2200 only, the last year the API accepts, after every other world's years: a team
   * held for a successor choice has an open-ended row and counts nationally on every later date,
   * so held in 1900 it showed up in other worlds' national statistics while this suite ran.
   */
  override readonly year: number = 2200;
  /**
   * Codes no real province has (the real post-2025 units are in force in 2200 too) and no other
   * world uses: sharing the matrix's 96 and 95, this world's newer teams pushed the matrix's team off
   * the first page of a province's newest-first list.
   */
  override readonly codes: Record<Side, string> = { A: '90', B: '88' };
  private readonly extraKeys: string[] = [];

  /** A new commune of the side's province (a code no other run of this file holds in this database). */
  async commune(side: Side): Promise<string> {
    const province = this.codes[side];
    const [code = ''] = await reserveCommuneCodes(this.h.runtime.dataSource, province, 1, 'authz-reorg-e2e');
    this.extraKeys.push(`COMMUNE:${code}:${this.year}-01-01`);
    await new TestGeography(this.h.runtime.eventStore, this.year, 'authz-reorg-e2e', 'AuthzReorg').recordUnit('COMMUNE', code, province);
    return code;
  }

  /**
   * Waits until every commune recorded so far is in each copy the commands consult (the teams',
   * field work's and the audit index's), then for the projections' checkpoints.
   */
  async settle(): Promise<void> {
    const codes = this.extraKeys.map((key) => key.split(':')[1]);
    const copies = { team_admin_units_v1: 'code', fw_admin_units_v1: 'code', audit_communes_v1: 'commune_code', admin_units_v1: 'code' } as const;
    const parts = Object.entries(copies).map(([table, column]) => `(SELECT count(DISTINCT ${column}) FROM ${table} WHERE ${column} = ANY($1))`);
    for (let i = 0; i < 300; i += 1) {
      const [row] = await this.h.runtime.dataSource.query<Array<{ n: string }>>(`SELECT ${parts.join(' + ')} AS n`, [codes]);
      if (Number(row?.n) === codes.length * parts.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitForProjections(this.h.runtime, ['teams_v1', 'admin_units_v1', 'fieldwork_v1', 'audit_index_v1', 'reorganisation_v1'], 60_000);
  }

  async recordEdge(fromCode: string, toCode: string, kind: 'FULL' | 'PARTIAL', effectiveOn: string): Promise<void> {
    const input = { fromLevel: 'COMMUNE', fromCode, toLevel: 'COMMUNE', toCode, kind, effectiveOn, reference: 'Nghị quyết 1/NQ-E2E' };
    const answer = await this.gql('ADMIN', RECORD, { input });
    const payload = answer.body.data?.recordUnitSuccession as { recorded: boolean } | undefined;
    if (!payload?.recorded) throw new Error(`recordUnitSuccession: ${JSON.stringify(answer.body)}`);
  }

  async teamAs(role: Role, id: string): Promise<TeamSeen | null> {
    const answer = await this.gql(role, STATUS, { id });
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return (answer.body.data?.team as TeamSeen | null) ?? null;
  }

  /**
   * The process manager works after the projections: polls (as the admin) until the team shows the
   * status. Up to 60 s: reorganisation_v1 runs under one lease for the whole database, and in a full
   * suite its holder may be dispatching another file's real-data reform first (15 s fell short once).
   */
  async eventually(id: string, status: string | null, also: (seen: TeamSeen) => boolean = () => true): Promise<TeamSeen> {
    for (let i = 0; i < 600; i += 1) {
      const seen = await this.teamAs('ADMIN', id);
      if (seen && (seen.reorganisation?.status ?? null) === status && also(seen)) {
        await waitForProjections(this.h.runtime, ['teams_v1', 'fieldwork_v1', 'audit_index_v1'], 30_000);
        return seen;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`team ${id} never reached ${String(status)}`);
  }

  /** A mutation as any role: its user error codes, or the top-level code. */
  async errorCodes(role: Role, mutation: string, input: Record<string, unknown>): Promise<string[]> {
    const answer = await this.gql(role, mutation, { input });
    const top = answer.body.errors?.[0]?.extensions.code;
    if (typeof top === 'string') return [top];
    const payload = Object.values(answer.body.data ?? {})[0] as { userErrors?: Array<{ code: string }> } | undefined;
    if (!payload?.userErrors) throw new Error(JSON.stringify(answer.body));
    return payload.userErrors.map((error) => error.code);
  }

  override async close(): Promise<void> {
    await this.h?.runtime.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [this.extraKeys]);
    await super.close();
  }
}

export { ALL_MUTATIONS };
