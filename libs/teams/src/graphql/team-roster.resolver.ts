import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@cdtt/event-sourcing';
import { CurrentActor, MutationRunner, ProvinceScope, toGlobalId, type RequestActor } from '@cdtt/platform';
import type { CommandResult } from '../application/command-execution';
import { TeamCommandService, type AddTeamMemberResult, type TeamChange } from '../application/team-commands.service';
import { PersonErrors } from '../domain/person.decider';
import { TeamErrors } from '../domain/team.errors';
import type { DatedTeamChangeInput } from './team-inputs.base';
import { AddTeamMemberInput, ChangeTeamMemberRoleInput, RemoveTeamMemberInput } from './team-mutations.input';
import { localIdOf, TeamMutationSupport } from './team-mutation.support';
import { AddTeamMemberPayload, ChangeTeamMemberRolePayload, RemoveTeamMemberPayload, type TeamPayload } from './team.payload';

const refused = (error: DomainError): { ok: false; error: DomainError } => ({ ok: false, error });

/** Roster mutations: every change is dated (rule 5) and keeps exactly one leader (ADR 0006). */
@Resolver()
export class TeamRosterResolver {
  constructor(
    @Inject(TeamCommandService) private readonly teams: TeamCommandService,
    @Inject(TeamMutationSupport) private readonly support: TeamMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => AddTeamMemberPayload, { description: 'Adds an existing person (personId) or a new one (person) to the team.' })
  addTeamMember(@Args('input') input: AddTeamMemberInput, @CurrentActor() actor: RequestActor): Promise<AddTeamMemberPayload> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed (the province is checked by the command).
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation: 'addTeamMember', input, actor }, async () => {
      const result = await this.add(input, actor);
      const personId = result.ok ? toGlobalId('Person', result.personId) : null;
      return this.support.payload(AddTeamMemberPayload, result, { personId });
    });
  }

  @Mutation(() => ChangeTeamMemberRolePayload)
  changeTeamMemberRole(@Args('input') input: ChangeTeamMemberRoleInput, @CurrentActor() actor: RequestActor): Promise<ChangeTeamMemberRolePayload> {
    return this.change('changeTeamMemberRole', ChangeTeamMemberRolePayload, input, actor, (personId) => ({
      type: 'ChangeMemberRole',
      personId,
      role: input.role,
      effectiveDate: input.effectiveDate,
      decisionRef: input.decisionRef ?? null,
    }));
  }

  @Mutation(() => RemoveTeamMemberPayload, { description: 'The member leaves on effectiveDate (not a member that day).' })
  removeTeamMember(@Args('input') input: RemoveTeamMemberInput, @CurrentActor() actor: RequestActor): Promise<RemoveTeamMemberPayload> {
    return this.change('removeTeamMember', RemoveTeamMemberPayload, input, actor, (personId) => ({
      type: 'RemoveMember',
      personId,
      effectiveDate: input.effectiveDate,
      decisionRef: input.decisionRef ?? null,
    }));
  }

  private async add(input: AddTeamMemberInput, actor: RequestActor): Promise<AddTeamMemberResult> {
    const teamId = localIdOf(input.teamId, 'Team');
    if (!teamId) return refused(TeamErrors.notFound());
    const given = [input.personId, input.person].filter((value) => value !== null && value !== undefined).length;
    if (given !== 1) return refused(new DomainError('PERSON_REQUIRED', 'Give exactly one of personId and person.', ['personId']));
    const personId = input.personId ? localIdOf(input.personId, 'Person') : null;
    if (input.personId && !personId) return refused(PersonErrors.notFound());
    const person = input.person
      ? {
          fullName: input.person.fullName,
          phone: input.person.phone ?? null,
          birthYear: input.person.birthYear ?? null,
          gender: input.person.gender ?? null,
          youthUnionSince: input.person.youthUnionSince ?? null,
          youthUnionUntil: input.person.youthUnionUntil ?? null,
        }
      : null;
    const request = { teamId, personId, person, role: input.role, effectiveDate: input.effectiveDate, decisionRef: input.decisionRef ?? null };
    return this.teams.addTeamMember(request, this.support.caller(actor, input.expectedVersion));
  }

  private change<P extends TeamPayload>(
    operation: string,
    type: new () => P,
    input: DatedTeamChangeInput & { personId: string },
    actor: RequestActor,
    change: (personId: string) => TeamChange,
  ): Promise<P> {
    // Auditors read only: a top-level FORBIDDEN before anything is claimed (the province is checked by the command).
    ProvinceScope.of(actor).assertCanWrite();
    return this.runner.run({ operation, input, actor }, async () => {
      const teamId = localIdOf(input.teamId, 'Team');
      const personId = localIdOf(input.personId, 'Person');
      let result: CommandResult;
      if (!teamId) result = refused(TeamErrors.notFound());
      else if (!personId) result = refused(TeamErrors.notMember());
      else result = await this.teams.changeTeam(teamId, change(personId), this.support.caller(actor, input.expectedVersion));
      return this.support.payload(type, result);
    });
  }
}
