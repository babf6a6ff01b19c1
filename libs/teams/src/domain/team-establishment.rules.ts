import type { DomainError } from '@cdtt/event-sourcing';
import type { CoverageFacts, EstablishTeam, IssuerFacts, TeamPolicy } from './team.commands';
import { TeamErrors } from './team.errors';
import type { TeamDecision, TeamLevel } from './team.events';

/** Rule 1: the issuer is the team's commune, in force on the decision date; the decision is complete. */
export function checkDecision(
  decision: TeamDecision,
  communeCode: string,
  effectiveDate: string,
  facts: IssuerFacts,
): DomainError | null {
  if (!decision.number.trim() || !decision.date || !decision.signerName.trim() || !decision.signerTitle.trim()) {
    return TeamErrors.decisionIncomplete();
  }
  if (decision.issuingCommuneCode !== communeCode) return TeamErrors.issuerMismatch();
  if (!facts.issuerInForceOnDecisionDate) return TeamErrors.issuerNotInForce(decision.date);
  if (effectiveDate < decision.date) return TeamErrors.effectiveBeforeDecision();
  return null;
}

/**
 * The villages a team serves: known, active, inside its commune, listed once; a village-level team
 * serves at least one, and (rule 2, unless the province relaxes it) no village already served by
 * another active village-level team.
 */
export function checkCoverage(
  villageIds: readonly string[],
  communeCode: string,
  level: TeamLevel,
  facts: CoverageFacts,
  policy: TeamPolicy,
): DomainError | null {
  if (level === 'VILLAGE' && villageIds.length === 0) return TeamErrors.villageRequired();
  if (new Set(villageIds).size !== villageIds.length) return TeamErrors.duplicateVillage();
  const known = new Map(facts.villages.map((village) => [village.id, village]));
  for (const id of villageIds) {
    const village = known.get(id);
    if (!village) return TeamErrors.villageNotFound(id);
    if (village.communeCode !== communeCode) return TeamErrors.villageOutsideCommune(id);
    if (!village.active) return TeamErrors.villageNotActive(id);
  }
  if (level === 'VILLAGE' && policy.oneVillageTeamPerVillage) {
    const served = villageIds.find((id) => facts.villagesServedElsewhere.includes(id));
    if (served !== undefined) return TeamErrors.villageAlreadyServed(served);
  }
  return null;
}

export function checkEstablishment(command: EstablishTeam): DomainError | null {
  if (!command.name.trim()) return TeamErrors.nameRequired();
  return (
    checkDecision(command.decision, command.communeCode, command.effectiveDate, command.facts) ??
    checkCoverage(command.villageIds, command.communeCode, command.level, command.facts, command.policy)
  );
}
