import { CATEGORISED_MEASURES, FIELDWORK_MEASURES, TASK_CATEGORIES } from '@cdtt/fieldwork';
import { MANUAL_SOURCE, TEAMS_MEASURES } from './indicator';

const FIELDWORK_KEYS = new Set<string>([
  ...FIELDWORK_MEASURES,
  ...CATEGORISED_MEASURES.flatMap((measure) => TASK_CATEGORIES.map((category) => `${measure}.${category}`)),
]);
const TEAMS_KEYS = new Set<string>(TEAMS_MEASURES);

export type ParsedSource = { readonly kind: 'TEAMS' | 'FIELDWORK'; readonly measure: string } | { readonly kind: 'MANUAL' };

/** The source a catalogue entry names, or null when it names no measure the registry computes. */
export function parseSource(source: string): ParsedSource | null {
  if (source === MANUAL_SOURCE) return { kind: 'MANUAL' };
  const [kind, measure, extra] = source.split(':');
  if (extra !== undefined || measure === undefined) return null;
  if (kind === 'TEAMS' && TEAMS_KEYS.has(measure)) return { kind, measure };
  if (kind === 'FIELDWORK' && FIELDWORK_KEYS.has(measure)) return { kind, measure };
  return null;
}
