import type { CacheableAnswers } from '@cdtt/platform';
import { TEAMS_PROJECTION } from '../read-models/teams.projection';

/**
 * The teams list, as far as its answers may be remembered per version of `teams_v1` (ADR 0024):
 * every field below is a column of `teams_v1` (or a cursor or count over it), the same for every
 * caller of one scope, and none is personal data under erasure (ADR 0007; a decision's signer is
 * an official on a public decision). Members, villages and reorganisations are read elsewhere or
 * decrypted per request, so a list that asks for them is computed every time.
 */
export const TEAMS_CACHEABLE_ANSWERS: CacheableAnswers = {
  rootFields: ['teams'],
  fields: {
    TeamConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
    TeamEdge: ['cursor', 'node'],
    PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
    Team: ['id', 'name', 'level', 'communeCode', 'provinceCode', 'status', 'establishedOn', 'dissolvedOn', 'decision', 'hasYouthUnionMember', 'version'],
    TeamDecision: ['number', 'date', 'issuingCommuneCode', 'signerName', 'signerTitle'],
  },
  projections: [TEAMS_PROJECTION],
};
