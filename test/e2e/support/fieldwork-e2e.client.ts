import type { GqlResponse, TeamsE2eWorld } from './teams-e2e-world';
import { FIELDWORK_MUTATIONS, type FieldworkMutation, type FieldworkPayload } from './fieldwork-e2e.queries';

/** Field-work mutations over HTTP: the payload, or a failure naming the refusal. */
export class FieldworkClient {
  constructor(private readonly world: TeamsE2eWorld) {}

  raw(name: FieldworkMutation, input: Record<string, unknown>): Promise<GqlResponse> {
    return this.world.gql(FIELDWORK_MUTATIONS[name], { input });
  }

  async run(name: FieldworkMutation, input: Record<string, unknown>): Promise<FieldworkPayload> {
    const response = await this.raw(name, input);
    if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
    return response.data?.[name] as FieldworkPayload;
  }

  async ok(name: FieldworkMutation, input: Record<string, unknown>): Promise<FieldworkPayload> {
    const payload = await this.run(name, input);
    if (payload.userErrors.length > 0) throw new Error(`${name} refused: ${JSON.stringify(payload.userErrors)}`);
    return payload;
  }

  /** The code of a refusal; the payload carries no object and no version (nothing was written). */
  async refused(name: FieldworkMutation, input: Record<string, unknown>): Promise<string | undefined> {
    const payload = await this.run(name, input);
    expect(payload.version).toBeNull();
    expect(payload.training ?? payload.activity ?? payload.meeting ?? null).toBeNull();
    return payload.userErrors[0]?.code;
  }
}
