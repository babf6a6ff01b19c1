import { randomInt } from 'node:crypto';
import type { Figures } from './figures';
import { activityTargets, logActivityBody } from './activity-targets';
import { graphqlLoad } from './graphql-load';
import type { RawCommitRates } from './append.bench';

const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { version userErrors { code message } } }`;

/** Today in Vietnam: a join dated today follows every synthetic leader's start. */
export const today = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A new member (a new person) on a random team: the API's most common write. */
export function addMemberBody(teamIds: readonly string[]): () => string {
  const date = today();
  return () =>
    JSON.stringify({
      query: ADD_MEMBER,
      variables: {
        input: {
          teamId: teamIds[randomInt(teamIds.length)],
          role: 'MEMBER',
          effectiveDate: date,
          person: { fullName: `Thành Viên ${randomInt(1_000_000)}`, phone: `09${String(randomInt(100_000_000)).padStart(8, '0')}`, youthUnionSince: '2015-03-26' },
        },
      },
    });
}

/**
 * Item 3: addTeamMember and logActivity at 1, 8 and 32 clients. The baseline is the raw single-event commit rate
 * of item 1 (the better of 1 and 4 writers): a command here is two appends (the person, then the
 * team) plus the read-your-writes wait for the teams projection; logActivity is one append (a
 * new activity stream) after reading the team's history for its facts on the date.
 */
export async function commandsBench(baseUrl: string, database: 'postgres' | 'embedded', scale: string, teamIds: readonly string[], seconds: number, rawRates: RawCommitRates | null, figures: Figures): Promise<void> {
  const baseline = rawRates && rawRates.size > 0 ? Math.max(...rawRates.values()) : undefined;
  const targets = await activityTargets(baseUrl, teamIds, 200);
  const mutations: Array<[string, () => string]> = [
    ['addTeamMember', addMemberBody(teamIds)],
    ['logActivity', logActivityBody(targets, today())],
  ];
  for (const [mutation, body] of mutations) {
    for (const connections of [1, 8, 32]) {
      const r = await graphqlLoad(baseUrl, { connections, seconds, body });
      const ratio = baseline ? r.requestsPerSecond / baseline : undefined;
      figures.add({
        item: 3,
        name: `${mutation}, ${connections} client${connections > 1 ? 's' : ''}`,
        database,
        scale,
        value: r.requestsPerSecond,
        unit: 'commands/s',
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        ...(baseline !== undefined && ratio !== undefined ? { baselineName: 'raw 1-event commits/s', baseline, ratio } : {}),
        ...(connections === 8 ? { target: '≥ 0.5 × raw, p99 < 50 ms', met: (ratio ?? 0) >= 0.5 && r.p99Ms < 50 && r.failures === 0 } : {}),
        ...(r.failures > 0 ? { note: `${r.failures} failures of ${r.total}, first: ${r.firstFailure ?? ''}` } : {}),
      });
    }
  }
}
