import ExcelJS from 'exceljs';
import type { ReportFigure } from '../domain/report.events';
import { FIGURE_HEADER, reportCsv, reportXlsx, type ExportableReport } from './report-export';

const figure = (code: string, value: number | null, extra: Partial<ReportFigure> = {}): ReportFigure => ({
  indicatorCode: code, nameVi: 'Số Tổ CNSCĐ', nameEn: 'Teams', unit: 'tổ', aggregation: 'END_OF_PERIOD', source: 'TEAMS:ACTIVE_TEAMS',
  value, numerator: null, denominator: null, target: 5, ...extra,
});
const report: ExportableReport = {
  reportId: 'STATE:2025:COMMUNE:00004', line: 'STATE', periodCode: '2025', level: 'COMMUNE', unitCode: '00004', provinceCode: '01',
  version: 2, kind: 'AMENDED', recordedOn: '2026-01-10', dueDate: '2025-12-15', late: false, status: 'SUBMITTED',
  figures: [
    figure('TEAMS', 3),
    figure('VILLAGE_COVERAGE', 0.75, { aggregation: 'RATIO', numerator: 6, denominator: 8, target: null, nameVi: 'Tỷ lệ thôn, "có" tổ' }),
    figure('P01_X', null, { nameVi: '=HYPERLINK("http://x")', source: 'MANUAL' }),
  ],
};

describe('Report exports', () => {
  it('writes CSV with a BOM, quoted cells, empty cells for no figure, and formula-looking text defused', () => {
    const file = reportCsv(report);
    expect(file).toMatchObject({ filename: 'report-STATE_2025_COMMUNE_00004-v2.csv', mimeType: 'text/csv; charset=utf-8' });
    const text = file.content.toString('utf8');
    expect(text.startsWith('\uFEFFreport,STATE:2025:COMMUNE:00004\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toContain(FIGURE_HEADER.join(','));
    expect(lines).toContain('TEAMS,Số Tổ CNSCĐ,Teams,tổ,END_OF_PERIOD,3,,,5');
    expect(lines).toContain('VILLAGE_COVERAGE,"Tỷ lệ thôn, ""có"" tổ",Teams,tổ,RATIO,0.75,6,8,');
    expect(lines).toContain(`P01_X,"'=HYPERLINK(""http://x"")",Teams,tổ,END_OF_PERIOD,,,,5`);
  });

  it('writes an XLSX that reads back with the same identity and numbers', async () => {
    const file = await reportXlsx(report);
    expect(file.filename).toBe('report-STATE_2025_COMMUNE_00004-v2.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const about = workbook.getWorksheet('Report')!;
    expect(about.getRow(1).values).toEqual([undefined, 'report', 'STATE:2025:COMMUNE:00004']);
    expect(about.getRow(7).values).toEqual([undefined, 'version', 2]);
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...FIGURE_HEADER]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['TEAMS', 'Số Tổ CNSCĐ', 'Teams', 'tổ', 'END_OF_PERIOD', 3, undefined, undefined, 5]);
    expect(sheet.getRow(3).getCell(6).value).toBe(0.75);
    // Text stays text: no formula cell is created from a name.
    expect(sheet.getRow(4).getCell(2).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(4).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});
