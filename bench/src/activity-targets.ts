import { randomInt } from 'node:crypto';
import { graphql } from './graphql-load';

/** What logActivity needs of a team: one of its villages and a member to name as participant. */
export interface ActivityTarget {
  readonly teamId: string;
  readonly villageId: string;
  readonly participantId: string;
}

interface TeamShape {
  team: { id: string; villages: { id: string }[]; members: { personId: string; role: string }[] } | null;
}

/** Looks up `count` teams' villages and leaders over GraphQL before any load is timed. */
export async function activityTargets(baseUrl: string, teamIds: readonly string[], count: number): Promise<ActivityTarget[]> {
  const targets: ActivityTarget[] = [];
  for (const id of teamIds.slice(0, count)) {
    const { team } = await graphql<TeamShape>(baseUrl, 'query($id: ID!) { team(id: $id) { id villages { id } members { personId role } } }', { id });
    const village = team?.villages[0];
    const leader = team?.members.find((m) => m.role === 'LEADER') ?? team?.members[0];
    if (team && village && leader) targets.push({ teamId: team.id, villageId: village.id, participantId: leader.personId });
  }
  return targets;
}

const LOG_ACTIVITY = `mutation($input: LogActivityInput!) { logActivity(input: $input) { version userErrors { code message } } }`;

/** Households are guided through people (the HOUSEHOLDS_EXCEED_PEOPLE rule), so never more of them. */
function figures(): Record<string, unknown> {
  const people = randomInt(1, 41);
  return { category: 'ONLINE_PUBLIC_SERVICES', peopleGuided: people, householdsGuided: randomInt(1, people + 1), visits: randomInt(1, 31), publicServiceDossiersFiled: randomInt(0, people + 1) };
}

/** A field day guiding people through online public services, logged today. */
export function logActivityBody(targets: readonly ActivityTarget[], today: string): () => string {
  return () => {
    const target = targets[randomInt(targets.length)];
    return JSON.stringify({
      query: LOG_ACTIVITY,
      variables: {
        input: {
          teamId: target?.teamId,
          villageId: target?.villageId,
          date: today,
          participantIds: target ? [target.participantId] : [],
          figures: [figures()],
        },
      },
    });
  };
}
