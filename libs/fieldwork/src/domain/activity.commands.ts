import type { CategoryFigures } from './activity.events';
import type { TeamFacts, VillageFacts } from './team-facts';
import type { LocalDate } from './training.events';

/** Figures as a client sends them: outcomes may leave out keys (they count 0). */
export type FiguresInput = Omit<CategoryFigures, 'outcomes'> & { readonly outcomes: Readonly<Partial<CategoryFigures['outcomes']>> };

export interface LogActivity {
  readonly type: 'LogActivity';
  readonly activityId: string;
  readonly teamId: string;
  readonly villageId: string;
  readonly date: LocalDate;
  readonly participantIds: readonly string[];
  readonly figures: readonly FiguresInput[];
  readonly today: LocalDate;
  readonly team: TeamFacts;
  readonly village: VillageFacts;
}

export interface CorrectActivity {
  readonly type: 'CorrectActivity';
  readonly figures: readonly FiguresInput[];
  readonly reason: string | null;
  readonly today: LocalDate;
}

export interface RetractActivity {
  readonly type: 'RetractActivity';
  readonly reason: string;
  readonly today: LocalDate;
}

export type ActivityCommand = LogActivity | CorrectActivity | RetractActivity;
