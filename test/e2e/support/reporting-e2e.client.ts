import { MUTATIONS as TEAM_MUTATIONS } from './teams-e2e.queries';
import type { GqlResponse, ReportingE2eWorld, Role } from './reporting-e2e-world';

const ERRORS = 'userErrors { code field message }';
const TARGET = 'target { provinceCode periodCode level unitCode indicatorCode value parentLevel parentCode revisions closed } version warnings { code level unitCode indicatorCode target allocated }';
export const REPORT_FIELDS = 'id line periodCode level unitCode provinceCode status currentVersion version firstSubmittedOn dueDate late';
export const VERSION_FIELDS = 'version kind recordedOn late reason note returnedOn returnedReason acceptedOn figures { indicatorCode value numerator denominator target }';
const REPORT = `report { ${REPORT_FIELDS} versions { ${VERSION_FIELDS} } } version`;

export const REPORTING_MUTATIONS = {
  defineIndicator: `mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { indicator { code provinceCode aggregation source } ${ERRORS} } }`,
  assignTarget: `mutation($input: AssignTargetInput!) { assignTarget(input: $input) { ${TARGET} ${ERRORS} } }`,
  reviseTarget: `mutation($input: ReviseTargetInput!) { reviseTarget(input: $input) { ${TARGET} ${ERRORS} } }`,
  closeTargetPeriod: `mutation($input: CloseTargetPeriodInput!) { closeTargetPeriod(input: $input) { version ${ERRORS} } }`,
  submitReport: `mutation($input: SubmitReportInput!) { submitReport(input: $input) { ${REPORT} ${ERRORS} } }`,
  returnReport: `mutation($input: ReturnReportInput!) { returnReport(input: $input) { ${REPORT} ${ERRORS} } }`,
  acceptReport: `mutation($input: AcceptReportInput!) { acceptReport(input: $input) { ${REPORT} ${ERRORS} } }`,
  amendReport: `mutation($input: AmendReportInput!) { amendReport(input: $input) { ${REPORT} ${ERRORS} } }`,
} as const;
export type ReportingMutation = keyof typeof REPORTING_MUTATIONS;

export interface Figure {
  indicatorCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
}
export interface ReportShape {
  id: string;
  status: string;
  currentVersion: number;
  version: number;
  late: boolean;
  dueDate: string | null;
  versions: Array<{ version: number; kind: string; late: boolean; reason: string | null; returnedReason: string | null; acceptedOn: string | null; figures: Figure[] }>;
}
export type Payload = Record<string, unknown> & { userErrors: Array<{ code: string; field: string[] | null }>; report?: ReportShape | null; warnings?: Array<Record<string, unknown>> };

/** Reporting mutations over HTTP, as a role: the payload, the refusal code, or the top-level code. */
export class ReportingClient {
  constructor(private readonly world: ReportingE2eWorld) {}

  raw(name: ReportingMutation, input: Record<string, unknown>, role: Role = 'ADMIN'): Promise<GqlResponse> {
    return this.world.gql(REPORTING_MUTATIONS[name], { input }, role);
  }

  async run(name: ReportingMutation, input: Record<string, unknown>, role: Role = 'ADMIN'): Promise<Payload> {
    const response = await this.raw(name, input, role);
    if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
    return response.data?.[name] as Payload;
  }

  async ok(name: ReportingMutation, input: Record<string, unknown>, role: Role = 'ADMIN'): Promise<Payload> {
    const payload = await this.run(name, input, role);
    if (payload.userErrors.length > 0) throw new Error(`${name} refused: ${JSON.stringify(payload.userErrors)}`);
    return payload;
  }

  /** The one userError code of a refusal (the payload then carries nothing). */
  async refused(name: ReportingMutation, input: Record<string, unknown>, role: Role = 'ADMIN'): Promise<string | undefined> {
    const payload = await this.run(name, input, role);
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.report ?? payload.target ?? payload.indicator ?? null).toBeNull();
    return payload.userErrors[0]?.code;
  }

  async topLevel(name: ReportingMutation, input: Record<string, unknown>, role: Role = 'ADMIN'): Promise<string | undefined> {
    return (await this.raw(name, input, role)).errors?.[0]?.extensions.code;
  }

  /** A team of the commune with a leader and `members` more people (the first a Youth Union member). */
  async team(commune: string, villageIds: string[], date: string, members: number): Promise<string> {
    return (await this.teamWithPeople(commune, villageIds, date, members)).teamId;
  }

  /** A field activity of the team in a village, led by one of its members: `people` citizens guided in e-commerce. */
  async activity(teamId: string, villageId: string, date: string, participantId: string, people: number): Promise<void> {
    const figures = [{ category: 'E_COMMERCE', peopleGuided: people, householdsGuided: 1, visits: 1, accountsCreated: 0, publicServiceDossiersFiled: 0, sellersOnboarded: 0, epaymentAccountsOpened: 0 }];
    const answer = await this.world.gql(
      'mutation($input: LogActivityInput!) { logActivity(input: $input) { userErrors { code message } } }',
      { input: { teamId, villageId, date, participantIds: [participantId], figures } },
    );
    if ((answer.data?.logActivity as { userErrors: unknown[] } | undefined)?.userErrors.length !== 0) throw new Error(`logActivity: ${JSON.stringify(answer)}`);
  }

  async teamWithPeople(commune: string, villageIds: string[], date: string, members: number): Promise<{ teamId: string; people: string[] }> {
    const people: string[] = [];
    const decision = { number: '7/QĐ-UBND', date, issuingCommuneCode: commune, signerName: 'Nguyễn Văn Chủ', signerTitle: 'Chủ tịch UBND' };
    const input = { communeCode: commune, villageIds, name: `Tổ ${commune} ${villageIds.length} ${date}`, level: villageIds.length ? 'VILLAGE' : 'COMMUNE', decision, effectiveDate: date };
    const established = await this.world.gql(TEAM_MUTATIONS.establishTeam, { input });
    const teamId = (established.data?.establishTeam as { team: { id: string } | null }).team?.id;
    if (!teamId) throw new Error(`establishTeam: ${JSON.stringify(established)}`);
    for (let i = 0; i <= members; i += 1) {
      const person = { fullName: `Thành viên ${i}`, phone: '0912345678', birthYear: 1990, gender: 'FEMALE', youthUnionSince: i === 1 ? '2000-01-01' : null };
      const added = await this.world.gql(TEAM_MUTATIONS.addTeamMember, { input: { teamId, person, role: i === 0 ? 'LEADER' : 'MEMBER', effectiveDate: date } });
      const payload = added.data?.addTeamMember as { userErrors: unknown[]; personId: string } | undefined;
      if (payload?.userErrors.length !== 0) throw new Error(`addTeamMember: ${JSON.stringify(added)}`);
      people.push(payload.personId);
    }
    return { teamId, people };
  }
}
