import { builtInCatalogue } from '../catalogue/built-in-catalogue';
import type { Indicator } from '../catalogue/indicator';
import type { IndicatorRow } from '../read-models/reporting.rows';

/** Where defined indicators are read from (the reporting read service). */
export interface DefinedIndicators {
  definedIndicators(year: number, provinceCode: string | null): Promise<IndicatorRow[]>;
}

const toIndicator = (row: IndicatorRow): Indicator => ({
  year: row.year,
  provinceCode: row.province_code,
  code: row.code,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  unit: row.unit,
  aggregation: row.aggregation,
  source: row.source,
  denominatorSource: row.denominator_source,
  builtIn: false,
});

/**
 * The catalogue of a year as a unit of a province sees it: the built-in national indicators, those
 * an admin added for the year, and the province's own. Without a province: the national ones only.
 */
export class IndicatorCatalogue {
  constructor(private readonly defined: DefinedIndicators) {}

  async list(year: number, provinceCode: string | null): Promise<Indicator[]> {
    return [...builtInCatalogue(year), ...(await this.defined.definedIndicators(year, provinceCode)).map(toIndicator)];
  }

  async find(year: number, provinceCode: string | null, code: string): Promise<Indicator | null> {
    return (await this.list(year, provinceCode)).find((indicator) => indicator.code === code) ?? null;
  }
}
