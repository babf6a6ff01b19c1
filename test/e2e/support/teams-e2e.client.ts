import { MUTATIONS, type MutationName, type PayloadShape } from './teams-e2e.queries';
import type { GqlResponse, TeamsE2eWorld } from './teams-e2e-world';

/** Mutation helpers over HTTP: the payload, or the response when it carries top-level errors. */
export class TeamsClient {
  constructor(private readonly world: TeamsE2eWorld) {}

  async raw(name: MutationName, input: Record<string, unknown>): Promise<GqlResponse> {
    return this.world.gql(MUTATIONS[name], { input });
  }

  async run(name: MutationName, input: Record<string, unknown>): Promise<PayloadShape> {
    const response = await this.raw(name, input);
    if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
    return response.data?.[name] as PayloadShape;
  }

  /** The payload of a mutation that must succeed. */
  async ok(name: MutationName, input: Record<string, unknown>): Promise<PayloadShape> {
    const payload = await this.run(name, input);
    if (payload.userErrors.length > 0) throw new Error(`${name} refused: ${JSON.stringify(payload.userErrors)}`);
    return payload;
  }

  /** The code of a mutation that must be refused with a userError. */
  async refused(name: MutationName, input: Record<string, unknown>): Promise<string | undefined> {
    const payload = await this.run(name, input);
    expect(payload.team ?? null).toBeNull();
    return payload.userErrors[0]?.code;
  }

  /** The top-level error code of malformed input. */
  async badInput(name: MutationName, input: Record<string, unknown>): Promise<string | undefined> {
    const response = await this.raw(name, input);
    return response.errors?.[0]?.extensions.code;
  }

  decision(communeCode: string, date: string, number = '45/QĐ-UBND'): Record<string, string> {
    return { number, date, issuingCommuneCode: communeCode, signerName: 'Nguyễn Văn Chủ', signerTitle: 'Chủ tịch UBND' };
  }

  establishInput(communeCode: string, villageIds: string[], level: 'VILLAGE' | 'COMMUNE', date: string, name = `Tổ CNSCĐ ${communeCode} ${date}`) {
    return { communeCode, villageIds, name, level, decision: this.decision(communeCode, date), effectiveDate: date };
  }

  person(fullName: string, youthUnionSince: string | null = null): Record<string, unknown> {
    return { fullName, phone: '0912345678', birthYear: 1990, gender: 'MALE', youthUnionSince };
  }
}
