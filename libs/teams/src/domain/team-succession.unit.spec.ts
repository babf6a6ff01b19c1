import { established, given, joined } from '../testing/team.fixtures';
import type { AssignToSuccessorCommune, FollowCommuneSuccession, ReissueTeamDecision } from './team.commands';
import type { TeamEvent } from './team.events';

const follow = (overrides: Partial<FollowCommuneSuccession> = {}): FollowCommuneSuccession => ({
  type: 'FollowCommuneSuccession',
  fromCommuneCode: '00004',
  toCommuneCodes: ['00001'],
  successionKind: 'FULL',
  effectiveDate: '2025-07-01',
  ...overrides,
});
const assign = (toCommuneCode: string): AssignToSuccessorCommune => ({
  type: 'AssignToSuccessorCommune',
  toCommuneCode,
  decisionRef: 'CV 12/UBND',
});
const reissue = (issuingCommuneCode: string): ReissueTeamDecision => ({
  type: 'ReissueTeamDecision',
  decision: { number: '7/QĐ-UBND', date: '2025-08-01', issuingCommuneCode, signerName: 'B', signerTitle: 'Chủ tịch' },
  effectiveDate: '2025-08-01',
  facts: { issuerInForceOnDecisionDate: true },
});
const reattached: TeamEvent = {
  type: 'TeamReattached',
  data: { fromCommuneCode: '00004', toCommuneCode: '00001', successionKind: 'FULL', effectiveDate: '2025-07-01', decisionRef: null },
};
const held: TeamEvent = {
  type: 'TeamHeldForSuccessorChoice',
  data: { fromCommuneCode: '00004', successorCodes: ['00001', '00002'], effectiveDate: '2025-07-01' },
};

describe('Team decider: following administrative reorganisations', () => {
  it('re-attaches a team on a full edge, and a replay of the same command changes nothing', () => {
    expect(given([established(), joined('p1', 'LEADER')]).when(follow())).toEqual([reattached]);
    expect(given([established(), reattached]).when(follow())).toEqual([]);
  });

  it('holds a team for a choice on a partial edge, once', () => {
    expect(given([established()]).when(follow({ successionKind: 'PARTIAL', toCommuneCodes: ['00002', '00001'] }))).toEqual([held]);
    expect(given([established(), held]).when(follow({ successionKind: 'PARTIAL', toCommuneCodes: ['00002', '00001'] }))).toEqual([]);
  });

  it('offers a held team the successors of the split learnt since (edges recorded one by one)', () => {
    const first: TeamEvent = { type: 'TeamHeldForSuccessorChoice', data: { fromCommuneCode: '00004', successorCodes: ['00001'], effectiveDate: '2025-07-01' } };
    expect(given([established(), first]).when(follow({ successionKind: 'PARTIAL', toCommuneCodes: ['00002', '00001'] }))).toEqual([held]);
  });

  it('holds rather than guesses when a full edge comes with other edges', () => {
    expect(given([established()]).when(follow({ toCommuneCodes: ['00001', '00002'] }))).toEqual([held]);
  });

  it('leaves alone teams of other communes, dissolved teams and teams established on or after the date', () => {
    expect(given([established()]).when(follow({ fromCommuneCode: '00007' }))).toEqual([]);
    const dissolved: TeamEvent = { type: 'TeamDissolved', data: { effectiveDate: '2025-01-01', decisionRef: null } };
    expect(given([established(), dissolved]).when(follow())).toEqual([]);
    expect(given([established({ effectiveDate: '2025-07-01', decision: decisionOn('2025-07-01') })]).when(follow())).toEqual([]);
    expect(given([]).when(follow())).toEqual([]);
  });

  it('assigns a held team to one of the successors, dated on the reorganisation', () => {
    expect(given([established(), held]).when(assign('00002'))).toEqual([
      {
        type: 'TeamReattached',
        data: { fromCommuneCode: '00004', toCommuneCode: '00002', successionKind: 'PARTIAL', effectiveDate: '2025-07-01', decisionRef: 'CV 12/UBND' },
      },
    ]);
    expect(given([established(), held]).when(assign('00009'))).toBe('NOT_A_SUCCESSOR_COMMUNE');
    expect(given([established()]).when(assign('00002'))).toBe('TEAM_NOT_AWAITING_ASSIGNMENT');
    expect(given([established(), reattached]).when(assign('00002'))).toBe('TEAM_NOT_AWAITING_ASSIGNMENT');
  });

  it('clears AWAITING_REDECISION only by a decision of the new commune', () => {
    expect(given([established(), reattached]).when(reissue('00004'))).toBe('DECISION_ISSUER_MISMATCH');
    const events = given([established(), reattached]).when(reissue('00001'));
    expect(events).toEqual([{ type: 'TeamDecisionReissued', data: { decision: reissue('00001').decision, effectiveDate: '2025-08-01' } }]);
    expect(given([established(), held]).when(reissue('00004'))).toBe('TEAM_AWAITING_ASSIGNMENT');
  });
});

function decisionOn(date: string) {
  return { number: '1/QĐ', date, issuingCommuneCode: '00004', signerName: 'A', signerTitle: 'Chủ tịch' };
}
