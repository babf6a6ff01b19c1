import ExcelJS from 'exceljs';
import { toGlobalId } from '@cdtt/platform';
import { ReportingClient, REPORT_FIELDS, VERSION_FIELDS, type Figure, type ReportShape } from './support/reporting-e2e.client';
import { ReportingE2eWorld } from './support/reporting-e2e-world';

// Each test runs several mutations, each waiting for its projections: seconds on a busy machine.
jest.setTimeout(60_000);

/**
 * Reporting over real HTTP and PostgreSQL: the indicator catalogue, targets top-down with
 * allocation warnings and closing, the report life cycle (submit, return, accept, amend) with
 * snapshots that never change, exports, due dates, and province scoping. The world's clock is
 * moved through its year Y (see ReportingE2eWorld).
 */
describe('reporting API over HTTP', () => {
  const world = new ReportingE2eWorld();
  const api = new ReportingClient(world);
  let Y = 0;
  const unknownTeam = toGlobalId('Team', '0190aaaa-0000-7000-8000-000000000000');
  let c: string[];
  let v: string[][];
  let leader1: string;
  const t: Record<string, string> = {};
  const zalo = 'P98_ZALO_FOLLOWERS';
  const value = (figures: Figure[], code: string): number | null | undefined => figures.find((f) => f.indicatorCode === code)?.value;

  beforeAll(async () => {
    v = await world.open(2, 2);
    Y = world.year;
    c = world.communes;
    const first = await api.teamWithPeople(c[0]!, [v[0]![0]!], world.date('01-05'), 2);
    t.t1 = first.teamId;
    leader1 = first.people[0]!;
    t.t2 = await api.team(c[0]!, [v[0]![1]!], world.date('01-05'), 1);
    t.t3 = await api.team(c[1]!, [v[1]![0]!], world.date('01-05'), 1);
  }, 180_000);
  afterAll(() => world.close());

  describe('indicator catalogue', () => {
    const indicators = async (year: number, provinceCode: string | null, role: 'ADMIN' | 'OTHER_PORTAL' = 'ADMIN') =>
      ((await world.gql('query($y: Int!, $p: String) { indicators(year: $y, provinceCode: $p) { code provinceCode builtIn aggregation } }', { y: year, p: provinceCode }, role)).data
        ?.indicators ?? []) as Array<{ code: string; provinceCode: string | null; builtIn: boolean }>;
    const define = (extra: Record<string, unknown> = {}) => ({
      year: Y, provinceCode: '98', code: zalo, nameVi: 'Số người theo dõi Zalo OA', nameEn: 'Zalo OA followers', unit: 'người', aggregation: 'SUM', source: 'MANUAL', ...extra,
    });

    it('is built in per year from 2022, Bình dân học vụ số from 2025', async () => {
      expect(await indicators(2021, null)).toEqual([]);
      const y2022 = (await indicators(2022, null)).map((i) => i.code);
      expect(y2022).toEqual(expect.arrayContaining(['TEAMS', 'VILLAGE_COVERAGE', 'MEMBERS', 'PEOPLE_GUIDED_E_COMMERCE', 'VNEID_ACTIVATIONS']));
      expect(y2022).not.toContain('DIGITAL_SKILLS_CERTIFIED');
      expect((await indicators(2025, null)).map((i) => i.code)).toContain('DIGITAL_SKILLS_CERTIFIED');
    });

    it("lets a portal add its province's own indicator, seen by that province only", async () => {
      expect((await api.ok('defineIndicator', define(), 'PORTAL')).indicator).toEqual({ code: zalo, provinceCode: '98', aggregation: 'SUM', source: 'MANUAL' });
      expect((await indicators(Y, '98')).find((i) => i.code === zalo)).toMatchObject({ provinceCode: '98', builtIn: false });
      expect((await indicators(Y, null)).map((i) => i.code)).not.toContain(zalo);
      expect((await indicators(Y, '98', 'OTHER_PORTAL')).map((i) => i.code)).not.toContain(zalo);
    });

    it('refuses bad definitions with their codes, and writes nothing', async () => {
      expect(await api.refused('defineIndicator', define(), 'PORTAL')).toBe('INDICATOR_CODE_TAKEN');
      expect(await api.refused('defineIndicator', define({ code: 'ZALO' }), 'PORTAL')).toBe('INDICATOR_CODE_PREFIX');
      expect(await api.refused('defineIndicator', define({ code: 'P98_X', source: 'FIELDWORK:NOTHING' }), 'PORTAL')).toBe('INDICATOR_SOURCE_UNKNOWN');
      expect(await api.refused('defineIndicator', define({ code: 'P98_X', aggregation: 'RATIO', source: 'TEAMS:MEMBERS' }), 'PORTAL')).toBe('INDICATOR_DENOMINATOR_INVALID');
      expect(await api.refused('defineIndicator', define({ code: 'P98_X', year: 2021 }), 'PORTAL')).toBe('INDICATOR_YEAR_NOT_COVERED');
      expect(await api.refused('defineIndicator', define({ code: 'P98_X' }), 'OTHER_PORTAL')).toBe('PROVINCE_NOT_FOUND');
      expect(await api.refused('defineIndicator', define({ provinceCode: null, code: 'TEAMS' }))).toBe('INDICATOR_CODE_TAKEN');
      expect(await api.topLevel('defineIndicator', define({ provinceCode: null, code: 'X_NATIONAL' }), 'PORTAL')).toBe('FORBIDDEN');
      expect(await api.topLevel('defineIndicator', define({ code: 'P98_Y' }), 'AUDITOR')).toBe('FORBIDDEN');
      expect(await api.topLevel('defineIndicator', define({ code: 'bad code' }))).toBe('BAD_USER_INPUT');
      expect(await api.topLevel('defineIndicator', define({ code: 'P98_CTRL', nameVi: 'Tổ\u0007Hòa Bình' }))).toBe('BAD_USER_INPUT');
      expect(await api.topLevel('defineIndicator', define({ code: 'P98_LONG', nameEn: 'x'.repeat(10_000) }))).toBe('BAD_USER_INPUT');
      expect((await indicators(Y, '98')).map((i) => i.code).filter((code) => code.startsWith('P98_'))).toEqual([zalo]);
    });
  });

  describe('targets', () => {
    const target = (level: string, unitCode: string, indicatorCode: string, value: number) => ({ periodCode: String(Y), level, unitCode, indicatorCode, value });

    it('flow top-down, with allocation warnings instead of refusals', async () => {
      world.setToday('01-15');
      const province = await api.ok('assignTarget', target('PROVINCE', '98', 'MEMBERS', 10), 'PORTAL');
      expect(province.target).toMatchObject({ level: 'PROVINCE', unitCode: '98', value: 10, parentLevel: null, closed: false });
      expect(province.warnings).toEqual([]);
      const commune = await api.ok('assignTarget', target('COMMUNE', c[0]!, 'MEMBERS', 6), 'PORTAL');
      expect(commune.target).toMatchObject({ parentLevel: 'PROVINCE', parentCode: '98' });
      expect(commune.warnings).toEqual([{ code: 'TARGET_UNDER_ALLOCATED', level: 'PROVINCE', unitCode: '98', indicatorCode: 'MEMBERS', target: 10, allocated: 6 }]);
      await api.ok('assignTarget', target('TEAM', t.t1!, 'MEMBERS', 4), 'PORTAL');
      const over = await api.ok('assignTarget', target('TEAM', t.t2!, 'MEMBERS', 4), 'PORTAL');
      expect(over.target).toMatchObject({ level: 'TEAM', unitCode: t.t2, parentLevel: 'COMMUNE', parentCode: c[0] });
      expect(over.warnings).toEqual([{ code: 'TARGET_OVER_ALLOCATED', level: 'COMMUNE', unitCode: c[0], indicatorCode: 'MEMBERS', target: 6, allocated: 8 }]);
      const revised = await api.ok('reviseTarget', { ...target('COMMUNE', c[0]!, 'MEMBERS', 8), reason: 'bổ sung tổ mới' }, 'PORTAL');
      expect(revised.target).toMatchObject({ value: 8, revisions: 1 });
      expect(revised.warnings).toEqual([expect.objectContaining({ code: 'TARGET_UNDER_ALLOCATED', unitCode: '98', allocated: 8 })]);
    });

    it("refuse what breaks the rules, each with its code", async () => {
      expect(await api.refused('assignTarget', target('COMMUNE', c[1]!, 'TEAMS', 2), 'PORTAL')).toBe('TARGET_PARENT_MISSING');
      expect(await api.refused('assignTarget', target('TEAM', t.t3!, 'MEMBERS', 2), 'PORTAL')).toBe('TARGET_PARENT_MISSING');
      expect(await api.refused('assignTarget', target('COMMUNE', c[0]!, 'MEMBERS', 1), 'PORTAL')).toBe('TARGET_ALREADY_ASSIGNED');
      expect(await api.refused('assignTarget', target('PROVINCE', '98', 'NO_SUCH_INDICATOR', 1), 'PORTAL')).toBe('INDICATOR_NOT_FOUND');
      expect(await api.refused('assignTarget', target('PROVINCE', '98', 'TEAMS', -1), 'PORTAL')).toBe('TARGET_VALUE_INVALID');
      expect(await api.refused('assignTarget', target('PROVINCE', '98', 'VILLAGE_COVERAGE', 1.5), 'PORTAL')).toBe('TARGET_VALUE_INVALID');
      expect(await api.refused('assignTarget', { ...target('PROVINCE', '98', 'TEAMS', 1), periodCode: '1999' }, 'PORTAL')).toBe('PERIOD_INVALID');
      expect(await api.refused('assignTarget', target('COMMUNE', c[0]!, 'TEAMS', 1), 'OTHER_PORTAL')).toBe('UNIT_NOT_FOUND');
      expect(await api.refused('assignTarget', target('COMMUNE', world.absentCommune, 'TEAMS', 1), 'PORTAL')).toBe('UNIT_NOT_FOUND');
      expect(await api.refused('assignTarget', target('TEAM', unknownTeam, 'TEAMS', 1), 'PORTAL')).toBe('UNIT_NOT_FOUND');
      expect(await api.refused('reviseTarget', { ...target('COMMUNE', c[1]!, 'MEMBERS', 1), reason: 'x' }, 'PORTAL')).toBe('TARGET_NOT_FOUND');
      expect(await api.refused('reviseTarget', { ...target('COMMUNE', c[0]!, 'MEMBERS', 9), reason: ' ' }, 'PORTAL')).toBe('REASON_REQUIRED');
      expect(await api.refused('reviseTarget', { ...target('COMMUNE', c[0]!, 'MEMBERS', 9), reason: 'x', expectedVersion: 0 }, 'PORTAL')).toBe('VERSION_CONFLICT');
      expect(await api.topLevel('assignTarget', target('PROVINCE', '98', 'TEAMS', 1), 'AUDITOR')).toBe('FORBIDDEN');
      expect(await api.topLevel('assignTarget', { ...target('PROVINCE', '98', 'TEAMS', 1), periodCode: '2025-Q5' }, 'PORTAL')).toBe('BAD_USER_INPUT');
    });

    it('are listed within the caller\'s provinces, and frozen once the period is closed', async () => {
      const list = async (role: 'PORTAL' | 'OTHER_PORTAL', first = 10, after: string | null = null) =>
        (await world.gql('query($f: TargetFilter!, $n: Int!, $a: String) { targets(filter: $f, first: $n, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { level unitCode indicatorCode value closed } } }',
          { f: { periodCode: String(Y), provinceCode: '98' }, n: first, a: after }, role)).data?.targets as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<Record<string, unknown>> };
      const all = await list('PORTAL');
      expect(all.totalCount).toBe(4);
      expect(all.nodes.map((n) => `${String(n.level)}:${String(n.value)}`)).toEqual(['COMMUNE:8', 'PROVINCE:10', 'TEAM:4', 'TEAM:4']);
      const first = await list('PORTAL', 3);
      const rest = await list('PORTAL', 3, first.pageInfo.endCursor);
      expect([...first.nodes, ...rest.nodes]).toEqual(all.nodes);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect((await list('OTHER_PORTAL')).totalCount).toBe(0);

      expect(await api.refused('closeTargetPeriod', { provinceCode: '98', periodCode: String(Y) }, 'OTHER_PORTAL')).toBe('PROVINCE_NOT_FOUND');
      await api.ok('closeTargetPeriod', { provinceCode: '98', periodCode: String(Y) }, 'PORTAL');
      expect(await api.refused('reviseTarget', { ...target('COMMUNE', c[0]!, 'MEMBERS', 9), reason: 'muộn' }, 'PORTAL')).toBe('TARGET_PERIOD_CLOSED');
      expect(await api.refused('assignTarget', target('COMMUNE', c[1]!, 'MEMBERS', 1), 'PORTAL')).toBe('TARGET_PERIOD_CLOSED');
      expect(await api.refused('closeTargetPeriod', { provinceCode: '98', periodCode: String(Y) }, 'PORTAL')).toBe('TARGET_PERIOD_CLOSED');
      expect((await list('PORTAL')).nodes.every((n) => n.closed === true)).toBe(true);
    });
  });

  describe('reports', () => {
    const key = (line: string, level: string, unitCode: string, periodCode = String(Y)) => ({ line, periodCode, level, unitCode });
    const draft = async (line: string, level: string, unitCode: string) =>
      (await world.gql(`query($l: ReportingLine!, $p: String!, $v: ReportingLevel!, $u: String!) { reportDraft(line: $l, periodCode: $p, level: $v, unitCode: $u) {
        reportId unitName provinceCode dueDate figures { indicatorCode value numerator denominator target } } }`, { l: line, p: String(Y), v: level, u: unitCode }, 'PORTAL')).data?.reportDraft as
        { reportId: string; dueDate: string; figures: Figure[] } | null;
    const report = async (id: string, role: 'PORTAL' | 'OTHER_PORTAL' | 'AUDITOR' = 'PORTAL') =>
      (await world.gql(`query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} versions { ${VERSION_FIELDS} } } }`, { id }, role)).data?.report as ReportShape | null;
    let communeReport: string;
    let lateReport: string;

    it('drafts from the read models, with targets and the Plan 557 due date', async () => {
      world.setToday('12-10');
      const d = await draft('STATE', 'COMMUNE', c[0]!);
      expect(d).toMatchObject({ provinceCode: '98', dueDate: `${Y}-12-15` });
      expect(value(d!.figures, 'TEAMS')).toBe(2);
      expect(d!.figures.find((f) => f.indicatorCode === 'MEMBERS')).toMatchObject({ value: 5, target: 8 });
      expect(d!.figures.find((f) => f.indicatorCode === 'VILLAGE_COVERAGE')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
      expect(value(d!.figures, zalo)).toBeNull();
      expect(await draft('STATE', 'COMMUNE', world.absentCommune)).toBeNull();
      expect((await world.gql('query { reportDraft(line: STATE, periodCode: "1999", level: PROVINCE, unitCode: "98") { reportId } }')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    });

    it("submits a snapshot whose figures never change afterwards, even when later events arrive; an amendment shows both versions", async () => {
      const submitted = await api.ok('submitReport', { ...key('STATE', 'COMMUNE', c[0]!), manualValues: [{ indicatorCode: zalo, value: 42 }, { indicatorCode: 'DIGITAL_SKILLS_CERTIFIED', value: 7 }] }, 'PORTAL');
      communeReport = submitted.report!.id;
      expect(submitted.report).toMatchObject({ status: 'SUBMITTED', currentVersion: 1, late: false, dueDate: `${Y}-12-15` });
      const v1 = submitted.report!.versions[0]!.figures;
      expect([value(v1, 'TEAMS'), value(v1, 'MEMBERS'), value(v1, zalo), value(v1, 'DIGITAL_SKILLS_CERTIFIED'), value(v1, 'PEOPLE_GUIDED')]).toEqual([2, 5, 42, 7, 0]);

      // Later events: a new team with four members in the same commune, and a field activity.
      world.setToday('12-11');
      await api.team(c[0]!, [], world.date('12-11'), 3);
      await api.activity(t.t1!, v[0]![0]!, world.date('12-11'), leader1, 30);
      const later = (await draft('STATE', 'COMMUNE', c[0]!))!.figures;
      expect([value(later, 'TEAMS'), value(later, 'PEOPLE_GUIDED'), value(later, 'PEOPLE_GUIDED_E_COMMERCE')]).toEqual([3, 30, 30]);
      const after = await report(communeReport);
      expect(after!.versions).toHaveLength(1);
      expect(after!.versions[0]!.figures).toEqual(v1);

      world.setToday('12-12');
      const amended = await api.ok('amendReport', { reportId: communeReport, reason: 'bổ sung tổ mới thành lập', manualValues: [{ indicatorCode: zalo, value: 50 }] }, 'PORTAL');
      expect(amended.report).toMatchObject({ status: 'SUBMITTED', currentVersion: 2 });
      const [first, second] = amended.report!.versions;
      expect(first).toMatchObject({ version: 1, kind: 'SUBMITTED', reason: null });
      expect(first!.figures).toEqual(v1);
      expect(second).toMatchObject({ version: 2, kind: 'AMENDED', reason: 'bổ sung tổ mới thành lập', late: false });
      expect([value(second!.figures, 'TEAMS'), value(second!.figures, 'MEMBERS'), value(second!.figures, zalo), value(second!.figures, 'DIGITAL_SKILLS_CERTIFIED'), value(second!.figures, 'PEOPLE_GUIDED')]).toEqual([3, 9, 50, null, 30]);
      // Reading the first version again after the amendment: still the same snapshot.
      expect((await report(communeReport))!.versions[0]!.figures).toEqual(v1);
    });

    it('is accepted or returned by the level above, and resubmitted after a return as a new version', async () => {
      expect(await api.refused('acceptReport', { reportId: communeReport, expectedVersion: 0 }, 'PORTAL')).toBe('VERSION_CONFLICT');
      const accepted = await api.ok('acceptReport', { reportId: communeReport }, 'PORTAL');
      expect(accepted.report).toMatchObject({ status: 'ACCEPTED' });
      expect(accepted.report!.versions[1]!.acceptedOn).toBe(`${Y}-12-12`);
      expect(await api.refused('returnReport', { reportId: communeReport, reason: 'sai' }, 'PORTAL')).toBe('REPORT_NOT_SUBMITTED');
      expect(await api.refused('acceptReport', { reportId: communeReport }, 'PORTAL')).toBe('REPORT_NOT_SUBMITTED');

      world.setToday('12-20');
      const late = await api.ok('submitReport', { ...key('YOUTH_UNION', 'COMMUNE', c[1]!), manualValues: [] }, 'PORTAL');
      lateReport = late.report!.id;
      expect(late.report).toMatchObject({ late: true, dueDate: `${Y}-12-15` });
      expect(await api.refused('returnReport', { reportId: lateReport, reason: '  ' }, 'PORTAL')).toBe('REASON_REQUIRED');
      const returned = await api.ok('returnReport', { reportId: lateReport, reason: 'thiếu số liệu tổ' }, 'PORTAL');
      expect(returned.report).toMatchObject({ status: 'RETURNED' });
      expect(returned.report!.versions[0]).toMatchObject({ returnedReason: 'thiếu số liệu tổ' });
      expect(await api.refused('amendReport', { reportId: lateReport, reason: 'x', manualValues: [] }, 'PORTAL')).toBe('REPORT_RETURNED');
      const again = await api.ok('submitReport', { ...key('YOUTH_UNION', 'COMMUNE', c[1]!), manualValues: [] }, 'PORTAL');
      expect(again.report).toMatchObject({ id: lateReport, status: 'SUBMITTED', currentVersion: 2 });
      expect(again.report!.versions.map((v) => [v.version, v.kind, v.late])).toEqual([[1, 'SUBMITTED', true], [2, 'SUBMITTED', true]]);

      const province = await api.ok('submitReport', { ...key('STATE', 'PROVINCE', '98'), manualValues: [] }, 'PORTAL');
      expect(await api.refused('acceptReport', { reportId: province.report!.id }, 'PORTAL')).toBe('REVIEW_NOT_ALLOWED');
      expect((await api.ok('acceptReport', { reportId: province.report!.id })).report).toMatchObject({ status: 'ACCEPTED', level: 'PROVINCE' });
    });

    it('refuses what breaks the rules, each with its code', async () => {
      const base = key('STATE', 'COMMUNE', c[0]!);
      expect(await api.refused('submitReport', { ...base, manualValues: [] }, 'PORTAL')).toBe('REPORT_ALREADY_SUBMITTED');
      expect(await api.refused('submitReport', { ...key('STATE', 'TEAM', t.t1!), manualValues: [{ indicatorCode: 'TEAMS', value: 1 }] }, 'PORTAL')).toBe('MANUAL_VALUE_NOT_ALLOWED');
      expect(await api.refused('submitReport', { ...key('STATE', 'TEAM', t.t1!), manualValues: [{ indicatorCode: 'NOPE', value: 1 }] }, 'PORTAL')).toBe('INDICATOR_NOT_FOUND');
      expect(await api.refused('submitReport', { ...key('STATE', 'TEAM', t.t1!), manualValues: [{ indicatorCode: zalo, value: -3 }] }, 'PORTAL')).toBe('MANUAL_VALUE_INVALID');
      expect(await api.refused('submitReport', { ...key('STATE', 'COMMUNE', c[1]!), manualValues: [] }, 'OTHER_PORTAL')).toBe('UNIT_NOT_FOUND');
      expect(await api.refused('submitReport', { ...key('STATE', 'TEAM', unknownTeam), manualValues: [] }, 'PORTAL')).toBe('UNIT_NOT_FOUND');
      expect(await api.refused('acceptReport', { reportId: communeReport }, 'OTHER_PORTAL')).toBe('REPORT_NOT_FOUND');
      expect(await api.refused('amendReport', { reportId: toGlobalId('Report', `STATE:${Y}:COMMUNE:${world.absentCommune}`), reason: 'x', manualValues: [] }, 'PORTAL')).toBe('REPORT_NOT_FOUND');
      expect(await api.refused('amendReport', { reportId: communeReport, reason: '', manualValues: [] }, 'PORTAL')).toBe('REASON_REQUIRED');
      expect(await api.topLevel('submitReport', { ...base, manualValues: [] }, 'AUDITOR')).toBe('FORBIDDEN');
      expect(await api.topLevel('submitReport', { ...base, manualValues: [], note: 'Ghi\u0000chú' }, 'PORTAL')).toBe('BAD_USER_INPUT');
      expect(await api.topLevel('returnReport', { reportId: communeReport, reason: 'x'.repeat(1001) }, 'PORTAL')).toBe('BAD_USER_INPUT');
      expect(await api.topLevel('submitReport', { ...base, level: 'VILLAGE', manualValues: [] }, 'PORTAL')).toBe('BAD_USER_INPUT');
      world.setToday('01-10');
      expect(await api.refused('submitReport', { ...key('STATE', 'TEAM', t.t1!, `${Y}-Q2`), manualValues: [] }, 'PORTAL')).toBe('REPORT_PERIOD_NOT_STARTED');
      world.setToday('12-20');
    });

    it('lists and shows reports only within the caller\'s provinces (another province reads as unknown)', async () => {
      expect(await report(communeReport, 'OTHER_PORTAL')).toBeNull();
      expect((await report(communeReport, 'AUDITOR'))?.status).toBe('ACCEPTED');
      const list = async (role: 'PORTAL' | 'OTHER_PORTAL', filter: Record<string, unknown>) =>
        (await world.gql('query($f: ReportFilter) { reports(filter: $f, first: 10) { totalCount nodes { id status late } } }', { f: filter }, role)).data?.reports as { totalCount: number; nodes: Array<{ id: string; late: boolean }> };
      expect((await list('PORTAL', { provinceCode: '98', periodCode: String(Y) })).totalCount).toBe(3);
      expect((await list('PORTAL', { provinceCode: '98', periodCode: String(Y), line: 'YOUTH_UNION' })).nodes).toEqual([{ id: lateReport, status: 'SUBMITTED', late: true }]);
      // Late: the Youth Union report of c1 and the province's own, both first sent on 20 Dec; not c0's.
      const late = (await list('PORTAL', { provinceCode: '98', periodCode: String(Y), late: true })).nodes;
      expect(late.map((n) => n.id)).toEqual(expect.arrayContaining([lateReport]));
      expect(late.map((n) => n.id)).not.toContain(communeReport);
      expect(late.map((n) => n.late)).toEqual([true, true]);
      expect((await list('OTHER_PORTAL', { provinceCode: '98' })).totalCount).toBe(0);
      const node = await world.gql('query($id: ID!) { node(id: $id) { id ... on Report { status } } }', { id: communeReport }, 'OTHER_PORTAL');
      expect(node.data?.node).toBeNull();
    });

    it('exports any version as CSV and XLSX', async () => {
      const exported = async (format: string, version: number | null, role: 'PORTAL' | 'OTHER_PORTAL' = 'PORTAL') =>
        (await world.gql('query($id: ID!, $f: ExportFormat!, $v: Int) { reportExport(id: $id, format: $f, version: $v) { filename mimeType contentBase64 } }', { id: communeReport, f: format, v: version }, role)).data
          ?.reportExport as { filename: string; mimeType: string; contentBase64: string } | null;
      const csv = await exported('CSV', 1);
      expect(csv).toMatchObject({ filename: `report-STATE_${Y}_COMMUNE_${c[0]}-v1.csv`, mimeType: 'text/csv; charset=utf-8' });
      const lines = Buffer.from(csv!.contentBase64, 'base64').toString('utf8').split('\r\n');
      expect(lines).toContain('version,1');
      expect(lines.find((l) => l.startsWith('TEAMS,'))).toBe('TEAMS,Số Tổ CNSCĐ,Teams,tổ,END_OF_PERIOD,2,,,');
      const xlsx = await exported('XLSX', null);
      expect(xlsx!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx!.contentBase64, 'base64') as unknown as ArrayBuffer);
      const rows = workbook.getWorksheet('Figures')!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows.find((r) => r[1] === 'TEAMS')?.[6]).toBe(3);
      expect(rows.find((r) => r[1] === zalo)?.[6]).toBe(50);
      expect(await exported('CSV', 1, 'OTHER_PORTAL')).toBeNull();
      expect(await exported('CSV', 9)).toBeNull();
    });
    it('answers a retry with the same idempotencyKey with the first payload, writing nothing', async () => {
      const input = { ...key('STATE', 'TEAM', t.t2!), manualValues: [], idempotencyKey: `rep-${Y}-t2` };
      const first = await api.ok('submitReport', input, 'PORTAL');
      expect(first.report).toMatchObject({ level: 'TEAM', unitCode: t.t2, currentVersion: 1 });
      expect(await api.run('submitReport', input, 'PORTAL')).toEqual(first);
      expect(await api.topLevel('submitReport', { ...input, note: 'khác' }, 'PORTAL')).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await report(first.report!.id))!.versions).toHaveLength(1);
    });
  });

  describe('statistics', () => {
    it('give actual vs target per indicator and the reports due, on time, late and missing', async () => {
      world.setToday('12-20');
      const answer = await world.gql(`query($d: String!, $p: String!) { unitStatistics(code: "98", level: PROVINCE, asOf: $d) {
        indicators(period: $p) { indicatorCode value target } reporting(period: $p) { line dueDate expected submitted onTime late missing notYetDue missingUnitCodes } } }`, { d: world.date('12-20'), p: String(Y) }, 'PORTAL');
      expect(answer.errors).toBeUndefined();
      const stats = answer.data?.unitStatistics as { indicators: Figure[]; reporting: Array<Record<string, unknown>> };
      expect(stats.indicators.find((f) => f.indicatorCode === 'MEMBERS')).toMatchObject({ value: 11, target: 10 });
      expect(stats.indicators.find((f) => f.indicatorCode === 'TEAMS')).toMatchObject({ value: 4, target: null });
      expect(stats.indicators.map((f) => f.indicatorCode)).toContain(zalo);
      expect(stats.reporting).toEqual([
        { line: 'STATE', dueDate: `${Y}-12-15`, expected: 2, submitted: 1, onTime: 1, late: 0, missing: 1, notYetDue: 0, missingUnitCodes: [c[1]] },
        { line: 'YOUTH_UNION', dueDate: `${Y}-12-15`, expected: 2, submitted: 1, onTime: 0, late: 1, missing: 1, notYetDue: 0, missingUnitCodes: [c[0]] },
      ]);
      const commune = await world.gql('query($c: String!, $d: String!, $p: String!) { unitStatistics(code: $c, level: COMMUNE, asOf: $d) { reporting(period: $p) { line expected submitted missing missingUnitCodes } } }',
        { c: c[0], d: world.date('12-20'), p: String(Y) }, 'PORTAL');
      const byLine = (commune.data?.unitStatistics as { reporting: Array<{ line: string; expected: number; submitted: number; missing: number; missingUnitCodes: string[] }> }).reporting;
      // Three active teams report to the commune; t2 sent its STATE report (the idempotency test).
      expect(byLine[0]).toMatchObject({ line: 'STATE', expected: 3, submitted: 1, missing: 2 });
      expect(byLine[0]!.missingUnitCodes).toContain(t.t1);
      expect(byLine[0]!.missingUnitCodes).not.toContain(t.t2);
      world.setToday('12-01');
      const early = await world.gql('query($d: String!, $p: String!) { unitStatistics(code: "98", level: PROVINCE, asOf: $d) { reporting(period: $p) { missing notYetDue } } }', { d: world.date('12-01'), p: String(Y) });
      expect((early.data?.unitStatistics as { reporting: unknown[] }).reporting).toEqual([{ missing: 0, notYetDue: 1 }, { missing: 0, notYetDue: 1 }]);
      world.setToday('12-20');
    });
  });
});
