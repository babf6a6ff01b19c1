import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import { openSecurityHarness, REGISTER, type GraphqlAnswer, type SecurityHarness } from './security-harness';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes } from '@cdtt/platform/testing';
import { waitForProjections } from './catch-up';

const PAYLOAD = 'version userErrors { code field message }';

/** Every mutation of the schema with a cheap payload selection (the budget is per client). */
export const LEAN_MUTATIONS = {
  establishTeam: `mutation($input: EstablishTeamInput!) { establishTeam(input: $input) { team { id } ${PAYLOAD} } }`,
  addTeamMember: `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { personId team { id } ${PAYLOAD} } }`,
  changeTeamMemberRole: `mutation($input: ChangeTeamMemberRoleInput!) { changeTeamMemberRole(input: $input) { team { id } ${PAYLOAD} } }`,
  removeTeamMember: `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { team { id } ${PAYLOAD} } }`,
  renameTeam: `mutation($input: RenameTeamInput!) { renameTeam(input: $input) { team { id } ${PAYLOAD} } }`,
  changeTeamCoverage: `mutation($input: ChangeTeamCoverageInput!) { changeTeamCoverage(input: $input) { team { id } ${PAYLOAD} } }`,
  reissueTeamDecision: `mutation($input: ReissueTeamDecisionInput!) { reissueTeamDecision(input: $input) { team { id } ${PAYLOAD} } }`,
  dissolveTeam: `mutation($input: DissolveTeamInput!) { dissolveTeam(input: $input) { team { id } ${PAYLOAD} } }`,
  forgetPerson: `mutation($input: ForgetPersonInput!) { forgetPerson(input: $input) { personId ${PAYLOAD} } }`,
  registerVillage: `mutation($input: RegisterVillageInput!) { registerVillage(input: $input) { village { id } ${PAYLOAD} } }`,
  renameVillage: `mutation($input: RenameVillageInput!) { renameVillage(input: $input) { village { id } ${PAYLOAD} } }`,
  retireVillage: `mutation($input: RetireVillageInput!) { retireVillage(input: $input) { village { id } ${PAYLOAD} } }`,
  registerApiClient: `mutation($input: RegisterApiClientInput!) { registerApiClient(input: $input) { apiClient { clientId } ${PAYLOAD} } }`,
  rotateApiClientSecret: `mutation($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { apiClient { clientId } ${PAYLOAD} } }`,
  revokeApiClient: `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { clientId } ${PAYLOAD} } }`,
  setApiClientOperationPolicy: `mutation($input: SetApiClientOperationPolicyInput!) { setApiClientOperationPolicy(input: $input) { apiClient { clientId } ${PAYLOAD} } }`,
  registerApiClientOperation: `mutation($input: RegisterApiClientOperationInput!) { registerApiClientOperation(input: $input) { sha256Hash ${PAYLOAD} } }`,
} as const;

export type LeanMutation = keyof typeof LEAN_MUTATIONS;

export interface LeanPayload {
  team?: { id: string } | null;
  village?: { id: string } | null;
  apiClient?: { clientId: string } | null;
  personId?: string | null;
  version: number | null;
  userErrors: Array<{ code: string; field: string[] | null; message: string }>;
}

/** Every code docs/errors.md lists (the first cell of a table row). */
export function documentedCodes(): Set<string> {
  const text = readFileSync(join(__dirname, '../../../docs/errors.md'), 'utf8');
  return new Set([...text.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1] ?? ''));
}

/**
 * The security harness (a bootstrap admin of this run, whose client id is the actor of every event
 * these tests write) with a province and commune of its own in force in one year only, a village
 * and a team with a leader and a member.
 */
export class HostileWorld {
  h!: SecurityHarness;
  token!: string;
  readonly province: string;
  commune!: string;
  villages: string[] = [];
  team!: string;
  leader!: string;
  member!: string;
  private readonly unitKeys: string[] = [];

  constructor(
    readonly year: number,
    province: string,
  ) {
    this.province = province;
  }

  date(monthDay: string): string {
    return `${this.year}-${monthDay}`;
  }

  get actor(): string {
    return this.h.admin.clientId;
  }

  async open(villageCount = 2): Promise<void> {
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    this.h = await openSecurityHarness();
    [this.commune = ''] = await reserveCommuneCodes(this.h.runtime.dataSource, this.province, 1, 'hostile-e2e');
    const geography = new TestGeography(this.h.runtime.eventStore, this.year, 'hostile-e2e', 'Hostile');
    await geography.recordUnit('PROVINCE', this.province, this.province);
    await geography.recordUnit('COMMUNE', this.commune, this.province);
    this.unitKeys.push(`PROVINCE:${this.province}:${this.year}-01-01`, `COMMUNE:${this.commune}:${this.year}-01-01`);
    for (let i = 0; i < villageCount; i += 1) this.villages.push(toGlobalId('Village', await geography.registerVillage(this.commune)));
    await waitForProjections(this.h.runtime, ['teams_v1', 'villages_v1'], 110_000);
    this.token = await this.h.token(this.h.admin.clientId, this.h.admin.secret);
  }

  /** A team serving the first village, with a leader and a member. */
  async openTeam(): Promise<void> {
    const established = await this.ok('establishTeam', this.establishInput(`Tổ ${uuidv7().slice(-6)}`));
    this.team = established.team?.id ?? '';
    this.leader = (await this.ok('addTeamMember', { teamId: this.team, role: 'LEADER', effectiveDate: this.date('02-01'), person: this.person('Trần Văn Trưởng') })).personId ?? '';
    this.member = (await this.ok('addTeamMember', { teamId: this.team, role: 'MEMBER', effectiveDate: this.date('02-01'), person: this.person('Lê Thị Viên') })).personId ?? '';
  }

  async close(): Promise<void> {
    await this.h?.runtime.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [this.unitKeys]);
    await this.h?.close();
  }

  gql(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
    return this.h.graphql(query, this.token, variables);
  }

  mutate(name: LeanMutation, input: unknown): Promise<GraphqlAnswer> {
    return this.gql(LEAN_MUTATIONS[name], { input });
  }

  async ok(name: LeanMutation, input: Record<string, unknown>): Promise<LeanPayload> {
    const answer = await this.mutate(name, input);
    const payload = answer.body.data?.[name] as LeanPayload | undefined;
    if (answer.body.errors || !payload || payload.userErrors.length > 0) throw new Error(`${name}: ${JSON.stringify(answer.body)}`);
    return payload;
  }

  /** A client to rotate and revoke (never the admin this world acts as). */
  async victimClient(): Promise<string> {
    const answer = await this.gql(REGISTER, { input: { name: `Nạn nhân ${uuidv7().slice(-6)}`, role: 'AUDITOR', provinceCodes: [] } });
    const payload = (answer.body.data as { registerApiClient: { apiClient: { clientId: string } | null } }).registerApiClient;
    if (!payload.apiClient) throw new Error(`register victim: ${JSON.stringify(answer.body)}`);
    return payload.apiClient.clientId;
  }

  /** Events this run's admin wrote, in all or in one stream. */
  async eventsByActor(streamName?: string): Promise<number> {
    const rows = await this.h.runtime.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM event_store.events WHERE metadata->'actor'->>'clientId' = $1 AND ($2::text IS NULL OR stream_name = $2)`,
      [this.actor, streamName ?? null],
    );
    return rows[0]?.n ?? -1;
  }

  async eventsInStream(streamName: string): Promise<number> {
    const rows = await this.h.runtime.dataSource.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM event_store.events WHERE stream_name = $1', [streamName]);
    return rows[0]?.n ?? -1;
  }

  decision(date = this.date('02-01')): Record<string, string> {
    return { number: '45/QĐ-UBND', date, issuingCommuneCode: this.commune, signerName: 'Nguyễn Văn Chủ', signerTitle: 'Chủ tịch UBND' };
  }

  establishInput(name: string, villageIds: string[] = [this.villages[0] ?? '']): Record<string, unknown> {
    return { communeCode: this.commune, villageIds, name, level: 'VILLAGE', decision: this.decision(), effectiveDate: this.date('02-01') };
  }

  person(fullName: string): Record<string, unknown> {
    return { fullName, phone: '0912345678', birthYear: null, gender: 'MALE', youthUnionSince: null };
  }
}
