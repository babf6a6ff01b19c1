import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { VillageRecord } from '@cdtt/geography';
import { NodeInterface, toGlobalId } from '@cdtt/platform';
import type { MemberView, TeamRow, VillageView } from '../read-models/team.rows';
import { MemberRoleEnum, TeamLevelEnum, TeamStatusEnum } from './team.enums';

@ObjectType('TeamDecision', { description: "The Quyết định of the commune People's Committee the team exists by (latest, after kiện toàn)." })
export class TeamDecisionType {
  @Field({ description: 'Decision number, e.g. 45/QĐ-UBND.' })
  number!: string;

  @Field({ description: 'Date of the decision (YYYY-MM-DD).' })
  date!: string;

  @Field({ description: "Code of the commune whose People's Committee issued it." })
  issuingCommuneCode!: string;

  @Field()
  signerName!: string;

  @Field()
  signerTitle!: string;
}

@ObjectType('TeamMember', { description: 'A current member. Personal fields read [erased] once the person was forgotten.' })
export class TeamMemberType {
  @Field(() => ID, { description: 'Global id of the person (pass it to addTeamMember of another team, or forgetPerson).' })
  personId!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRoleEnum;

  @Field({ description: 'Date the current role took effect.' })
  since!: string;

  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field({ description: 'A Youth Union member with no recorded end of membership.' })
  youthUnionMember!: boolean;

  static of(view: MemberView): TeamMemberType {
    const { since, fullName, phone, youthUnionMember } = view;
    return Object.assign(new TeamMemberType(), {
      personId: toGlobalId('Person', view.personId),
      role: view.role as MemberRoleEnum,
      since,
      fullName,
      phone,
      youthUnionMember,
    });
  }
}

@ObjectType('Team', { implements: () => [NodeInterface], description: 'A Community Digital Technology Team (Tổ Công nghệ số cộng đồng).' })
export class TeamType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  /** The uuid, for field resolvers; not exposed. */
  localId!: string;

  /**
   * Members and villages read with the team, for its field resolvers to use instead of reading them
   * again: those of a date when read as of one (ADR 0011: the villages' ids, their records read
   * apart), else the current ones the query selects, read in the team's own statement (the
   * villages as geography's records, ADR 0023). Not exposed.
   */
  preloaded?: {
    readonly members?: readonly MemberView[];
    readonly villages?: readonly VillageView[];
    readonly villageRecords?: readonly VillageRecord[];
  } | null;

  @Field()
  name!: string;

  @Field(() => TeamLevelEnum)
  level!: TeamLevelEnum;

  @Field({ description: 'Commune the team belongs to (5 digits).' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'Province of its current commune; null while held between provinces.' })
  provinceCode!: string | null;

  @Field(() => TeamStatusEnum)
  status!: TeamStatusEnum;

  @Field()
  establishedOn!: string;

  @Field(() => String, { nullable: true })
  dissolvedOn!: string | null;

  @Field(() => TeamDecisionType)
  decision!: TeamDecisionType;

  @Field({ description: 'False flags a team with no current Youth Union member (rule 4): flagged, not refused.' })
  hasYouthUnionMember!: boolean;

  @Field(() => Int, { description: 'Revision of the team: pass it as expectedVersion to change it.' })
  version!: number;

  static of(row: TeamRow): TeamType {
    return Object.assign(new TeamType(), {
      id: toGlobalId('Team', row.id),
      localId: row.id,
      name: row.name,
      level: row.level as TeamLevelEnum,
      communeCode: row.commune_code,
      provinceCode: row.province_code,
      status: row.status as TeamStatusEnum,
      establishedOn: row.established_on,
      dissolvedOn: row.dissolved_on,
      decision: Object.assign(new TeamDecisionType(), {
        number: row.decision_number,
        date: row.decision_date,
        issuingCommuneCode: row.decision_issuing_commune_code,
        signerName: row.decision_signer_name,
        signerTitle: row.decision_signer_title,
      }),
      hasYouthUnionMember: row.has_youth_union_member,
      version: row.version,
    });
  }
}
