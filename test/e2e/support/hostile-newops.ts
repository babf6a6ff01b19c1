import fc from 'fast-check';
import { toGlobalId } from '@cdtt/platform';
import type { NewopsWorld } from './authorization-newops';

/** Hostile strings aimed at the field-work and reporting inputs (free text, codes, periods, ids). */
export const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    'x'.repeat(5_000),
    'a\u0000b',
    '\ud800',
    'Họp chi đoàn'.normalize('NFD'),
    "'); DELETE FROM event_store.events; --",
    '%' ,
    '_',
    '\\',
    '<svg onload=alert(1)>',
    '\u202egnp.exe',
    '👩‍💻🇻🇳',
    '{{constructor.constructor("x")()}}',
    '__proto__',
    'P98_',
    'p98_lower',
    'STATE:2100:COMMUNE:98001',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Period codes and dates that are wrong in every way a parser can get wrong. */
export const hostilePeriodOrDate = fc.constantFrom(
  '2100-Q0', '2100-Q5', '2100-H3', '2100-13', '2100-00', '1999', '0000', '99999', '2100-W01', '2100-q1', ' 2100', '2100 ', '2100-02-30', '2100-02-29',
  '2100-2-1', '2100-01-01T00:00:00Z', '-2100-01-01', '2100/01/01', '', 'NaN', '1e3', '2100-H1-Q1',
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(-1, -0, 0.5, 1e-9, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 123456789.123),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const hostileId = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => toGlobalId('Training', u)),
  fc.uuid().map((u) => toGlobalId('Activity', u)),
  fc.uuid().map((u) => toGlobalId('Meeting', u)),
  fc.uuid().map((u) => toGlobalId('Team', u)),
  fc.uuid().map((u) => toGlobalId('Person', u)),
  fc.constantFrom(
    toGlobalId('Report', 'STATE:2100:COMMUNE:00000'),
    toGlobalId('Report', "STATE:2100:COMMUNE:'; --"),
    toGlobalId('Report', 'X'.repeat(500)),
    toGlobalId('Training', '\u0000'),
    toGlobalId('Activity', '../../etc'),
    'djE6UmVwb3J0Og==',
    'not-base64!!',
  ),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => Buffer.from(b).toString('base64')),
);

export const wrongShape = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

export const anyHostile = fc.oneof(hostileText, hostilePeriodOrDate, hostileNumber, hostileId, wrongShape);

/** A hostile value of the valid value's shape most of the time (so it reaches the domain), anything hostile otherwise. */
export function hostileLike(valid: unknown): fc.Arbitrary<unknown> {
  let shaped: fc.Arbitrary<unknown>;
  if (typeof valid === 'string') shaped = fc.oneof(hostileText, hostilePeriodOrDate, hostileId);
  else if (typeof valid === 'number') shaped = hostileNumber;
  else if (Array.isArray(valid)) {
    const item: unknown = (valid as unknown[])[0];
    shaped = fc.oneof(
      fc.constant([]),
      fc.array(fc.oneof(hostileId, hostileText), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: 501 }, (): unknown => item ?? 'x')),
      item && typeof item === 'object' ? fc.array(hostileObject(item as Record<string, unknown>), { minLength: 1, maxLength: 2 }) : fc.constant([item, item]),
    );
  } else if (valid && typeof valid === 'object') shaped = hostileObject(valid as Record<string, unknown>);
  else shaped = anyHostile;
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: anyHostile, weight: 1 });
}

/** The valid object with one or two fields hostile, sometimes with an unknown field added. */
export function hostileObject(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  const field = fc.constantFrom(...keys).chain((key) => hostileLike(base[key]).map((value) => [key, value] as const));
  return fc
    .tuple(fc.array(field, { minLength: 1, maxLength: 2 }), fc.option(fc.tuple(fc.constantFrom('provinceScope', 'actor', 'status', '__proto__'), anyHostile), { freq: 6 }))
    .map(([fields, extra]) => {
      const input: Record<string, unknown> = { ...base };
      for (const [key, value] of fields) input[key] = value;
      if (extra) Object.defineProperty(input, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
      return input;
    });
}

/** Valid inputs of every new mutation, on the world's province A objects (each may succeed once or more). */
export function newopsBases(world: NewopsWorld): Record<string, Record<string, unknown>> {
  const a = world.of('A');
  const figures = [{ category: 'E_COMMERCE', peopleGuided: 3, householdsGuided: 2, visits: 1, accountsCreated: 0, publicServiceDossiersFiled: 0, sellersOnboarded: 0, epaymentAccountsOpened: 0 }];
  return {
    scheduleTraining: world.trainingInput(a.commune),
    recordTrainingAttendance: { trainingId: a.emptyTraining, personIds: [a.leader] },
    completeTraining: { trainingId: a.training, expectedVersion: 1 },
    cancelTraining: { trainingId: a.emptyTraining, reason: 'Hoãn vì mưa' },
    logActivity: world.activityInput(a.team, a.villages[0], a.leader),
    correctActivity: { activityId: a.activity, figures, reason: 'Đếm lại', expectedVersion: 0 },
    retractActivity: { activityId: a.activity, reason: 'Ghi trùng', expectedVersion: 0 },
    recordMeeting: { teamId: a.team, date: world.date('03-01'), attendeeIds: [a.leader], decisions: ['Phân công'], initiatives: ['Sáng kiến'] },
    defineIndicator: { year: world.year, provinceCode: a.province, code: `P${a.province}_HOSTILE`, nameVi: 'Chỉ số thử', nameEn: 'Test indicator', unit: 'lượt', aggregation: 'SUM', source: 'MANUAL' },
    assignTarget: { periodCode: `${world.year}-Q3`, level: 'PROVINCE', unitCode: a.province, indicatorCode: 'TEAMS', value: 4 },
    reviseTarget: { periodCode: world.period, level: 'PROVINCE', unitCode: a.province, indicatorCode: 'MEMBERS', value: 7, reason: 'Điều chỉnh', expectedVersion: 1 },
    closeTargetPeriod: { provinceCode: a.province, periodCode: `${world.year}-Q4` },
    submitReport: { line: 'YOUTH_UNION', periodCode: world.period, level: 'COMMUNE', unitCode: a.commune, manualValues: [{ indicatorCode: a.indicator, value: 3 }], note: 'Ghi chú' },
    returnReport: { reportId: a.report, reason: 'Thiếu số liệu', expectedVersion: 0 },
    acceptReport: { reportId: a.report, expectedVersion: 0 },
    amendReport: { reportId: a.report, reason: 'Bổ sung', manualValues: [{ indicatorCode: a.indicator, value: 5 }], note: null, expectedVersion: 0 },
  };
}

/** Patterns of internals that must never reach a caller. */
export const INTERNALS = [/\n\s+at \S+/, /node_modules/, /QueryFailedError/, /syntax error at or near/, /invalid input syntax/, /violates [a-z ]*constraint/, /\.ts:\d+/, /duplicate key/, /TypeError|ReferenceError/];
