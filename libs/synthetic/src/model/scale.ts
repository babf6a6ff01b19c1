import type { Country, NewCommune } from './country';

export type ScaleName = 'commune' | 'province' | 'national' | '2x';
export const SCALE_NAMES: readonly ScaleName[] = ['commune', 'province', 'national', '2x'];

/**
 * How much country to build. `density` multiplies the villages per commune (2x doubles every
 * count at national scale); the smaller scales keep national density on fewer real communes, so a
 * commune-scale figure is a slice of the national one, not a different shape.
 */
export interface Scale {
  readonly name: ScaleName;
  readonly communes: readonly NewCommune[];
  readonly density: number;
}

/** Ba Đình (Hà Nội): a ward formed from several pre-2025 wards, so the reform shows up even here. */
export const DEFAULT_COMMUNE = '00004';
/** Hà Nội: 126 communes after the reform. */
export const DEFAULT_PROVINCE = '01';

export function isScaleName(value: string): value is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(value);
}

export function selectScale(country: Country, name: ScaleName, area?: string): Scale {
  switch (name) {
    case 'commune': {
      const code = area ?? DEFAULT_COMMUNE;
      const communes = country.communes.filter((c) => c.code === code);
      if (communes.length === 0) throw new RangeError(`no commune ${code} in force after the 2025 reform`);
      return { name, communes, density: 1 };
    }
    case 'province': {
      const code = area ?? DEFAULT_PROVINCE;
      const communes = country.communes.filter((c) => c.provinceCode === code);
      if (communes.length === 0) throw new RangeError(`no province ${code} in force after the 2025 reform`);
      return { name, communes, density: 1 };
    }
    case 'national':
      return { name, communes: country.communes, density: 1 };
    case '2x':
      return { name, communes: country.communes, density: 2 };
  }
}
