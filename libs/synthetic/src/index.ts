// Public surface of the synthetic data set (issue 7): a realistic country for benchmarks.
// Import only via '@cdtt/synthetic'.
export { SeededRandom } from './model/seeded-random';
export type { Country, NewCommune, OldCommune } from './model/country';
export { readCountry } from './model/admin-unit-lists';
export { selectScale, isScaleName, SCALE_NAMES, type Scale, type ScaleName } from './model/scale';
export { planCommune } from './plan/commune-plan';
export type { CommunePlan } from './plan/plan.types';
export { materialize, type StreamAppend, type CommuneAppends, type Sealer } from './plan/materialize';
export { generateCountry, type GenerateOptions, type GenerateSummary } from './run/generate-country';
export { vaultSealing, type SealingSession } from './run/vault-sealer';
export { runGenerate } from './run/run-generate';
