import type { Side } from './authorization-world';
import { waitForProjections } from './catch-up';
import type { ReorganisationAuthzWorld } from './reorganisation-authz';

export interface MovedTeam {
  readonly team: string;
  /** Its commune now, whose People's Committee reissues its decision. */
  readonly commune: string;
}

export interface HeldTeam {
  readonly team: string;
  readonly successors: readonly string[];
}

/** What each province has for the rows that must not write: communes with no team, a re-attached and a held team. */
export interface ReorganisationSide {
  readonly spareFrom: string;
  readonly spareTo: string;
  /** Established in the other province's commune, re-attached to one of this province. */
  readonly reattached: MovedTeam;
  /** Its commune split between two communes of this province; waiting for a choice. */
  readonly held: HeldTeam;
}

/**
 * Fixtures of the reorganisation matrix, all in the matrix's year (1900): the edges take effect on
 * 1 June, teams are established on 1 February. Each builder takes fresh communes, so its edges move
 * only its own team.
 */
export class ReorganisationFixtures {
  private readonly sides = new Map<Side, ReorganisationSide>();

  constructor(readonly world: ReorganisationAuthzWorld) {}

  async open(): Promise<void> {
    for (const side of ['A', 'B'] as const) {
      const [spareFrom, spareTo] = await this.communes(side, side);
      this.sides.set(side, { spareFrom, spareTo, reattached: await this.reattachedTeam(side), held: await this.heldTeam(side) });
    }
  }

  of(side: Side): ReorganisationSide {
    const data = this.sides.get(side);
    if (!data) throw new Error(`no fixtures for ${side}`);
    return data;
  }

  /** Two fresh communes (of the given provinces), in every read model once this returns. */
  async communes(first: Side, second: Side): Promise<[string, string]> {
    const pair: [string, string] = [await this.world.commune(first), await this.world.commune(second)];
    await this.world.settle();
    return pair;
  }

  /** A team of the other province re-attached by a FULL edge to a commune of `side`. */
  async reattachedTeam(side: Side): Promise<MovedTeam> {
    const [from, to] = await this.communes(side === 'A' ? 'B' : 'A', side);
    const { team } = await this.world.freshTeam(side === 'A' ? 'B' : 'A', from, [], this.world.date('02-01'));
    await this.world.recordEdge(from, to, 'FULL', this.world.date('06-01'));
    await this.world.eventually(team, 'AWAITING_REDECISION');
    return { team, commune: to };
  }

  /** A team of `side` whose commune was split between two communes of `side`. */
  async heldTeam(side: Side): Promise<HeldTeam> {
    const from = await this.world.commune(side);
    const successors = await this.communes(side, side);
    const { team } = await this.world.freshTeam(side, from, [], this.world.date('02-01'));
    for (const to of successors) await this.world.recordEdge(from, to, 'PARTIAL', this.world.date('06-01'));
    await this.world.eventually(team, 'AWAITING_ASSIGNMENT');
    return { team, successors };
  }

  /** Fresh villages of the side's commune, known to the commands' read models. */
  async villages(side: Side, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) ids.push(await this.world.freshVillage(side));
    await waitForProjections(this.world.h.runtime, ['villages_v1', 'teams_v1'], 30_000);
    return ids;
  }
}
