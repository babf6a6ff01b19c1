import { registerEnumType } from '@nestjs/graphql';

/** The two clocks of time travel (ADR 0011). */
export enum TimeBasis {
  EFFECTIVE = 'EFFECTIVE',
  RECORDED = 'RECORDED',
}

registerEnumType(TimeBasis, {
  name: 'TimeBasis',
  description:
    'EFFECTIVE: what was in force on asOf, as the registry knows it now (late-recorded decisions included). RECORDED: what the registry knew at the end of asOf (Vietnam time), in force on asOf.',
});

/**
 * The instant "the end of a civil date in Vietnam" (UTC+7, no daylight saving): what was recorded
 * strictly before it was known on that date.
 */
export function endOfLocalDate(date: string): string {
  const next = new Date(`${date}T00:00:00+07:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
