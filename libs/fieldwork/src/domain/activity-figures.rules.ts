import type { DomainError } from '@cdtt/event-sourcing';
import { ACTIVITY_OUTCOMES, TASK_CATEGORIES } from '../measures';
import type { FiguresInput } from './activity.commands';
import type { CategoryFigures } from './activity.events';
import { FieldworkErrors } from './fieldwork.errors';

const categories = new Set<string>(TASK_CATEGORIES);
/** Far above any real village day; catches a typo of a few extra digits. */
const MAX_COUNT = 1_000_000;

const countOk = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < MAX_COUNT;

/**
 * Validates figures and completes them (every outcome key present, categories in catalogue order)
 * so that equal figures are equal events and a no-op correction can be told apart.
 */
export function normaliseFigures(figures: readonly FiguresInput[]): CategoryFigures[] | DomainError {
  if (figures.length === 0) return FieldworkErrors.figuresRequired();
  if (new Set(figures.map((f) => f.category)).size !== figures.length) return FieldworkErrors.duplicateCategory();
  const complete: CategoryFigures[] = [];
  for (const f of figures) {
    if (!categories.has(f.category)) return FieldworkErrors.figuresInvalid();
    const outcomes = Object.fromEntries(ACTIVITY_OUTCOMES.map((key) => [key, f.outcomes[key] ?? 0])) as CategoryFigures['outcomes'];
    const counts = [f.peopleGuided, f.householdsGuided, f.visits, ...Object.values(outcomes)];
    if (!counts.every(countOk)) return FieldworkErrors.figuresInvalid();
    if (f.householdsGuided > f.peopleGuided) return FieldworkErrors.householdsExceedPeople();
    complete.push({ category: f.category, peopleGuided: f.peopleGuided, householdsGuided: f.householdsGuided, visits: f.visits, outcomes });
  }
  return complete.sort((a, b) => TASK_CATEGORIES.indexOf(a.category) - TASK_CATEGORIES.indexOf(b.category));
}

const keyOf = (f: CategoryFigures): string =>
  [f.category, f.peopleGuided, f.householdsGuided, f.visits, ...ACTIVITY_OUTCOMES.map((o) => f.outcomes[o])].join(',');

/** Field by field: figures read back from a store (jsonb) may come with their keys in another order. */
export function sameFigures(a: readonly CategoryFigures[], b: readonly CategoryFigures[]): boolean {
  return a.length === b.length && a.every((f, i) => b[i] !== undefined && keyOf(f) === keyOf(b[i]));
}
