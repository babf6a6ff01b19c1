import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { codedError, CurrentActor, MutationRunner, toGlobalId, type RequestActor } from '@cdtt/platform';
import { PersonCommandService } from '../application/person-commands.service';
import { PersonErrors } from '../domain/person.decider';
import { ForgetPersonInput } from './team-mutations.input';
import { inputErrors, localIdOf, TeamMutationSupport } from './team-mutation.support';
import { ForgetPersonPayload } from './team.payload';

@Resolver()
export class PersonMutationsResolver {
  constructor(
    @Inject(PersonCommandService) private readonly people: PersonCommandService,
    @Inject(TeamMutationSupport) private readonly support: TeamMutationSupport,
    @Inject(MutationRunner) private readonly runner: MutationRunner,
  ) {}

  @Mutation(() => ForgetPersonPayload, {
    description: 'Admins only. Destroys the person\'s data key: names and phones read "[erased]" everywhere; counts are kept.',
  })
  forgetPerson(@Args('input') input: ForgetPersonInput, @CurrentActor() actor: RequestActor): Promise<ForgetPersonPayload> {
    // An authorisation failure is top-level (conventions), before anything is claimed or written.
    if (actor.role !== 'ADMIN') throw codedError('FORBIDDEN', 'Only an administrator may erase a person.');
    return this.runner.run({ operation: 'forgetPerson', input, actor }, async () => {
      const personId = localIdOf(input.personId, 'Person');
      const result = personId
        ? await this.people.forgetPerson(personId, this.support.today(), this.support.caller(actor))
        : { ok: false as const, error: PersonErrors.notFound() };
      if (!result.ok) return Object.assign(new ForgetPersonPayload(), { personId: null, version: null, userErrors: inputErrors(result.error) });
      return Object.assign(new ForgetPersonPayload(), { personId: toGlobalId('Person', result.id), version: result.version, userErrors: [] });
    });
  }
}
