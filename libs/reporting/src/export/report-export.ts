import ExcelJS from 'exceljs';
import type { ReportFigure } from '../domain/report.events';

/** What an export carries: the report's identity and one version's snapshot (not a GraphQL type). */
export interface ExportableReport {
  readonly reportId: string;
  readonly line: string;
  readonly periodCode: string;
  readonly level: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly version: number;
  readonly kind: string;
  readonly recordedOn: string;
  readonly dueDate: string | null;
  readonly late: boolean;
  readonly status: string;
  readonly figures: readonly ReportFigure[];
}

export interface ExportFile {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: Buffer;
}

export const FIGURE_HEADER = ['indicatorCode', 'nameVi', 'nameEn', 'unit', 'aggregation', 'value', 'numerator', 'denominator', 'target'] as const;

const headerRows = (r: ExportableReport): Array<[string, string | number]> => [
  ['report', r.reportId],
  ['line', r.line],
  ['period', r.periodCode],
  ['level', r.level],
  ['unit', r.unitCode],
  ['province', r.provinceCode],
  ['version', r.version],
  ['kind', r.kind],
  ['recordedOn', r.recordedOn],
  ['dueDate', r.dueDate ?? ''],
  ['late', r.late ? 'yes' : 'no'],
  ['status', r.status],
];

const figureRow = (f: ReportFigure): Array<string | number | null> => [f.indicatorCode, f.nameVi, f.nameEn, f.unit, f.aggregation, f.value, f.numerator, f.denominator, f.target];

const baseName = (r: ExportableReport): string => `report-${r.reportId.replace(/:/g, '_')}-v${r.version}`;

/** A text cell a spreadsheet would run as a formula is prefixed with `'` (CSV injection). */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, UTF-8 with a BOM so spreadsheet programs read Vietnamese correctly; CRLF line ends. */
export function reportCsv(report: ExportableReport): ExportFile {
  const lines = [...headerRows(report), [], [...FIGURE_HEADER], ...report.figures.map(figureRow)].map((row) => row.map(csvCell).join(','));
  return { filename: `${baseName(report)}.csv`, mimeType: 'text/csv; charset=utf-8', content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
}

/** An XLSX workbook: sheet "Report" (identity), sheet "Figures" (one row per indicator, numbers as numbers). */
export async function reportXlsx(report: ExportableReport): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CDTT Registry';
  const about = workbook.addWorksheet('Report');
  headerRows(report).forEach((row) => about.addRow(row));
  const sheet = workbook.addWorksheet('Figures');
  sheet.addRow([...FIGURE_HEADER]).font = { bold: true };
  // Plain values only: exceljs writes a string starting with "=" as text, never as a formula.
  report.figures.forEach((f) => sheet.addRow(figureRow(f)));
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `${baseName(report)}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}
