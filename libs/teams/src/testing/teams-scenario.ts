import type { PersonDetails } from '../application/person-commands.service';
import type { MemberRole } from '../domain/team.events';
import { caller, type TeamsWorld } from './teams-world';

export const details = (fullName: string, youthUnionSince: string | null, youthUnionUntil: string | null = null): PersonDetails => ({
  fullName,
  phone: `09${String(fullName.length).padStart(8, '7')}`,
  birthYear: 1995,
  gender: 'FEMALE',
  youthUnionSince,
  youthUnionUntil,
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * The statistics scenario (dates in the world's year Y; expectations in the int spec):
 * communes C1 (v1 v2 v3), C2 (v4 v5, v7 from 07-01), C3 (v6, retired 06-01);
 * team A (village, C1: v1 v2, from 02-01): p1 LEADER (Youth Union), p2 (Youth Union until 03-01);
 * team B (village, C1: v3, from 03-01): p3 LEADER, p1 MEMBER from 05-01;
 * team C (commune-level, C2: v4 v5, from 02-15): p4 LEADER (Youth Union), p5 DEPUTY from 03-01
 *   (Youth Union from 05-01), p5 LEADER from 06-01 (p4 handed over), p4 leaves 07-01;
 * team D (village, C3: v6, from 02-01, dissolved 05-01): p6 LEADER (Youth Union).
 */
export async function buildScenario(world: TeamsWorld) {
  const d = (md: string) => world.date(md);
  const [c1, c2, c3] = [await world.newCommuneCode(), await world.newCommuneCode(), await world.newCommuneCode()];
  await world.recordUnit('PROVINCE', world.provinceCode, `Tỉnh ${world.provinceCode}`);
  for (const code of [c1, c2, c3]) await world.recordUnit('COMMUNE', code);
  const v = [
    ...(await Promise.all([world.registerVillage(c1), world.registerVillage(c1), world.registerVillage(c1)])),
    ...(await Promise.all([world.registerVillage(c2), world.registerVillage(c2)])),
    await world.registerVillage(c3),
    await world.registerVillage(c2, d('07-01')),
  ] as [string, string, string, string, string, string, string];
  await world.retireVillage(v[5], d('06-01'));
  await world.sync();

  const establish = async (communeCode: string, villageIds: string[], level: 'VILLAGE' | 'COMMUNE', date: string) => {
    const decision = { number: '1/QĐ-UBND', date, issuingCommuneCode: communeCode, signerName: 'Chủ tịch', signerTitle: 'Chủ tịch' };
    const result = await world.teams.establishTeam({ communeCode, villageIds, name: `Tổ ${communeCode} ${date}`, level, decision, effectiveDate: date }, caller);
    await world.sync();
    return ok(result).id;
  };
  const join = async (teamId: string, person: string | ReturnType<typeof details>, role: MemberRole, date: string) => {
    const result = await world.teams.addTeamMember(
      { teamId, personId: typeof person === 'string' ? person : null, person: typeof person === 'string' ? null : person, role, effectiveDate: date, decisionRef: null },
      caller,
    );
    await world.sync();
    return ok(result).personId;
  };
  const change = async (teamId: string, command: Parameters<TeamsWorld['teams']['changeTeam']>[1]) => {
    ok(await world.teams.changeTeam(teamId, command, caller));
    await world.sync();
  };

  const a = await establish(c1, [v[0], v[1]], 'VILLAGE', d('02-01'));
  const b = await establish(c1, [v[2]], 'VILLAGE', d('03-01'));
  const c = await establish(c2, [v[3], v[4]], 'COMMUNE', d('02-15'));
  const dTeam = await establish(c3, [v[5]], 'VILLAGE', d('02-01'));
  const p1 = await join(a, details('Nguyễn Thị Một', d('01-01')), 'LEADER', d('02-01'));
  const p2 = await join(a, details('Trần Văn Hai', d('01-01'), d('03-01')), 'MEMBER', d('02-01'));
  const p3 = await join(b, details('Lê Văn Ba', null), 'LEADER', d('03-01'));
  await join(b, p1, 'MEMBER', d('05-01'));
  const p4 = await join(c, details('Phạm Thị Bốn', d('01-01')), 'LEADER', d('02-15'));
  const p5 = await join(c, details('Hoàng Văn Năm', d('05-01')), 'DEPUTY', d('03-01'));
  await change(c, { type: 'ChangeMemberRole', personId: p5, role: 'LEADER', effectiveDate: d('06-01'), decisionRef: '2/QĐ-UBND' });
  await change(c, { type: 'RemoveMember', personId: p4, effectiveDate: d('07-01'), decisionRef: null });
  const p6 = await join(dTeam, details('Vũ Thị Sáu', d('01-01')), 'LEADER', d('02-01'));
  await change(dTeam, { type: 'DissolveTeam', effectiveDate: d('05-01'), decisionRef: '3/QĐ-UBND' });
  return { communes: { c1, c2, c3 }, villages: v, teams: { a, b, c, d: dTeam }, people: { p1, p2, p3, p4, p5, p6 } };
}
