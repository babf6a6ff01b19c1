/** GraphQL documents and result shapes of the teams e2e tests. */
export const TEAM_FIELDS = `id name level communeCode provinceCode status establishedOn dissolvedOn version hasYouthUnionMember
  decision { number date issuingCommuneCode signerName signerTitle }
  members { personId role since fullName phone youthUnionMember }
  villages { id name communeCode }`;

const PAYLOAD = `team { ${TEAM_FIELDS} } version userErrors { code field message }`;

export const MUTATIONS = {
  establishTeam: `mutation($input: EstablishTeamInput!) { establishTeam(input: $input) { ${PAYLOAD} } }`,
  addTeamMember: `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { personId ${PAYLOAD} } }`,
  changeTeamMemberRole: `mutation($input: ChangeTeamMemberRoleInput!) { changeTeamMemberRole(input: $input) { ${PAYLOAD} } }`,
  removeTeamMember: `mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { ${PAYLOAD} } }`,
  renameTeam: `mutation($input: RenameTeamInput!) { renameTeam(input: $input) { ${PAYLOAD} } }`,
  changeTeamCoverage: `mutation($input: ChangeTeamCoverageInput!) { changeTeamCoverage(input: $input) { ${PAYLOAD} } }`,
  reissueTeamDecision: `mutation($input: ReissueTeamDecisionInput!) { reissueTeamDecision(input: $input) { ${PAYLOAD} } }`,
  dissolveTeam: `mutation($input: DissolveTeamInput!) { dissolveTeam(input: $input) { ${PAYLOAD} } }`,
  forgetPerson: `mutation($input: ForgetPersonInput!) { forgetPerson(input: $input) { personId version userErrors { code field message } } }`,
} as const;

export type MutationName = keyof typeof MUTATIONS;

export interface MemberShape {
  personId: string;
  role: string;
  since: string;
  fullName: string;
  phone: string | null;
  youthUnionMember: boolean;
}

export interface TeamShape {
  id: string;
  name: string;
  status: string;
  version: number;
  hasYouthUnionMember: boolean;
  provinceCode: string | null;
  members: MemberShape[];
  villages: Array<{ id: string; name: string; communeCode: string }>;
}

export interface PayloadShape {
  team: TeamShape | null;
  version: number | null;
  personId?: string | null;
  userErrors: Array<{ code: string; field: string[] | null; message: string }>;
}

export const STATISTICS_FIELDS = `code level name asOf activeTeams villages villagesCovered coverageRatio communesAtFullCoverage
  members leaders youthUnionMembers youthUnionShare teamsWithoutYouthUnionMember`;
