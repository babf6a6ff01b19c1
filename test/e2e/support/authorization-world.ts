import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@cdtt/event-sourcing';
import { toGlobalId } from '@cdtt/platform';
import { openSecurityHarness, REGISTER, type GraphqlAnswer, type SecurityHarness } from './security-harness';
import { MUTATIONS } from './teams-e2e.queries';
import { TestGeography } from './test-geography';
import { reserveCommuneCodes } from '@cdtt/platform/testing';
import { waitForProjections } from './catch-up';
import { forgetHeldTeams } from './world-cleanup';

export type Role = 'ADMIN' | 'AUDITOR' | 'PORTAL_A' | 'PORTAL_B';
export type Side = 'A' | 'B';

/** One province of the world: a commune with two villages, and a team serving the first with two members. */
export interface ProvinceData {
  readonly province: string;
  readonly commune: string;
  readonly villages: readonly [string, string];
  readonly team: string;
  readonly leader: string;
  readonly member: string;
}

/** A fresh team for a write that is expected to succeed (so no row depends on another's changes). */
export interface FreshTeam {
  readonly team: string;
  readonly leader: string;
  readonly member: string;
}

const VILLAGE_MUTATIONS = {
  registerVillage: `mutation($input: RegisterVillageInput!) { registerVillage(input: $input) { village { id } version userErrors { code field message } } }`,
  renameVillage: `mutation($input: RenameVillageInput!) { renameVillage(input: $input) { village { id } version userErrors { code field message } } }`,
  retireVillage: `mutation($input: RetireVillageInput!) { retireVillage(input: $input) { village { id } version userErrors { code field message } } }`,
} as const;

export const ALL_MUTATIONS = { ...MUTATIONS, ...VILLAGE_MUTATIONS } as const;
export type AnyMutation = keyof typeof ALL_MUTATIONS;

/**
 * The authorisation matrix's world over real HTTP with real tokens: the security harness (a
 * bootstrap admin), clients registered by that admin (a portal of province A = 96, one of B = 95,
 * an auditor), and two provinces of its own recorded as geography events, in force in 1900 only
 * (no other test uses that year, and no real unit has these codes then).
 */
export class AuthorizationWorld {
  readonly year: number = 1900;
  readonly codes: Record<Side, string> = { A: '96', B: '95' };
  h!: SecurityHarness;
  readonly tokens = new Map<Role, string>();
  readonly data = new Map<Side, ProvinceData>();
  private readonly unitKeys: string[] = [];

  date(monthDay: string): string {
    return `${this.year}-${monthDay}`;
  }

  async open(): Promise<void> {
    process.env.PERSONAL_DATA_MASTER_KEY ??= randomBytes(32).toString('base64');
    this.h = await openSecurityHarness();
    const communes: Record<Side, string> = { A: await this.recordProvince('A'), B: await this.recordProvince('B') };
    const villages = new Map<Side, [string, string]>();
    for (const side of ['A', 'B'] as const) villages.set(side, [await this.recordVillage(communes[side]), await this.recordVillage(communes[side])]);
    await waitForProjections(this.h.runtime, ['teams_v1', 'villages_v1'], 110_000);
    this.tokens.set('ADMIN', await this.h.token(this.h.admin.clientId, this.h.admin.secret));
    this.tokens.set('PORTAL_A', await this.client('PORTAL', [this.codes.A]));
    this.tokens.set('PORTAL_B', await this.client('PORTAL', [this.codes.B]));
    this.tokens.set('AUDITOR', await this.client('AUDITOR', []));
    for (const side of ['A', 'B'] as const) {
      const [v0, v1] = villages.get(side) ?? ['', ''];
      // Established last in the year: newest-first lists show it first, whatever earlier runs left.
      const fresh = await this.freshTeam(side, communes[side], [v0], this.date('12-01'));
      this.data.set(side, { province: this.codes[side], commune: communes[side], villages: [v0, v1], ...fresh });
    }
  }

  async close(): Promise<void> {
    // Statistics of other runs never see these units: the teams lib's copy of them goes.
    await this.h?.runtime.dataSource.query('DELETE FROM team_admin_units_v1 WHERE unit_key = ANY($1)', [this.unitKeys]);
    if (this.h) await forgetHeldTeams(this.h.runtime, Object.values(this.codes), this.year);
    await this.h?.close();
  }

  of(side: Side): ProvinceData {
    const data = this.data.get(side);
    if (!data) throw new Error(`no data for ${side}`);
    return data;
  }

  gql(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
    return this.h.graphql(query, this.tokens.get(role), variables);
  }

  /** A mutation as the admin that must succeed: its payload. */
  async adminOk(name: AnyMutation, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.gql('ADMIN', ALL_MUTATIONS[name], { input });
    const payload = answer.body.data?.[name] as { userErrors?: unknown[] } | undefined;
    if (answer.body.errors || !payload || (payload.userErrors ?? []).length > 0) throw new Error(`${name}: ${JSON.stringify(answer.body)}`);
    return payload;
  }

  /** A commune-level team with a leader and a member, established by the admin. */
  async freshTeam(side: Side, commune = this.of(side).commune, villageIds: readonly string[] = [], date = this.date('02-01')): Promise<FreshTeam> {
    const decision = { number: '1/QĐ', date, issuingCommuneCode: commune, signerName: 'Nguyễn Văn Chủ', signerTitle: 'Chủ tịch' };
    const input = { communeCode: commune, villageIds, name: `Tổ ${commune} ${uuidv7().slice(-6)}`, level: 'COMMUNE', decision, effectiveDate: date };
    const established = (await this.adminOk('establishTeam', input)) as { team: { id: string } };
    const team = established.team.id;
    const add = async (role: string, name: string): Promise<string> => {
      const person = { fullName: name, phone: '0912345678', gender: 'MALE', youthUnionSince: null };
      const payload = (await this.adminOk('addTeamMember', { teamId: team, person, role, effectiveDate: date })) as { personId: string };
      return payload.personId;
    };
    return { team, leader: await add('LEADER', 'Trần Văn Trưởng'), member: await add('MEMBER', 'Lê Thị Viên') };
  }

  /** A village registered by the admin in the side's commune. */
  async freshVillage(side: Side): Promise<string> {
    const input = { communeCode: this.of(side).commune, name: `Thôn ${uuidv7().slice(-8)}`, kind: 'THON', registeredOn: this.date('01-15') };
    return ((await this.adminOk('registerVillage', input)) as { village: { id: string } }).village.id;
  }

  private async client(role: 'PORTAL' | 'AUDITOR', provinceCodes: string[]): Promise<string> {
    const input = { name: `Ma trận ${role} ${provinceCodes.join(',')}`, role, provinceCodes };
    const answer = await this.h.graphql(REGISTER, this.tokens.get('ADMIN'), { input });
    const payload = (answer.body.data as { registerApiClient: { apiClient: { clientId: string } | null; clientSecret: string | null } }).registerApiClient;
    if (!payload.apiClient || !payload.clientSecret) throw new Error(`register ${role}: ${JSON.stringify(answer.body)}`);
    return this.h.token(payload.apiClient.clientId, payload.clientSecret);
  }

  /** The province and one commune in it (a code of its own, 96xxx or 95xxx). */
  private async recordProvince(side: Side): Promise<string> {
    const province = this.codes[side];
    const [commune = ''] = await reserveCommuneCodes(this.h.runtime.dataSource, province, 1, 'authz-e2e');
    await this.recordUnit('PROVINCE', province, province);
    await this.recordUnit('COMMUNE', commune, province);
    return commune;
  }

  private get geography(): TestGeography {
    return new TestGeography(this.h.runtime.eventStore, this.year, 'authz-e2e', 'Authz');
  }

  private recordUnit(level: 'PROVINCE' | 'COMMUNE', code: string, province: string): Promise<void> {
    this.unitKeys.push(`${level}:${code}:${this.year}-01-01`);
    return this.geography.recordUnit(level, code, province);
  }

  private async recordVillage(communeCode: string): Promise<string> {
    return toGlobalId('Village', await this.geography.registerVillage(communeCode));
  }
}
