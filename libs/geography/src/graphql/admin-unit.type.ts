import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NodeInterface, toGlobalId } from '@cdtt/platform';
import type { AdminUnitRecord } from '../read-models/geography-records';
import { AdminLevelEnum } from './geography.enums';

/** Local id of a unit version: level, code and start of validity ("-" when unknown). */
export function adminUnitLocalId(record: Pick<AdminUnitRecord, 'level' | 'code' | 'validFrom'>): string {
  return `${record.level}:${record.code}:${record.validFrom ?? '-'}`;
}

@ObjectType('AdminUnit', {
  implements: () => [NodeInterface],
  description: 'One version of an official administrative unit (province, district before 2025, commune).',
})
export class AdminUnitType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => AdminLevelEnum)
  level!: AdminLevelEnum;

  @Field({ description: 'Official code: province 2 digits, district 3, commune 5. Reused codes have one version per period.' })
  code!: string;

  @Field({ description: 'Name without the type, NFC, e.g. "Ba Đình".' })
  name!: string;

  @Field({ description: 'Name with the type, e.g. "Phường Ba Đình".' })
  fullName!: string;

  @Field({ description: 'Unit type as officially written: Xã, Phường, Thị trấn, Đặc khu, Huyện, Quận, Thị xã, Thành phố, Tỉnh.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Code of the unit directly above; null for a province.' })
  parentCode!: string | null;

  @Field({ description: 'Code of the province this unit belongs to.' })
  provinceCode!: string;

  @Field(() => String, { nullable: true, description: 'First day in force (YYYY-MM-DD); null when before our records.' })
  validFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'First day no longer in force (exclusive); null while in force.' })
  validTo!: string | null;

  static of(record: AdminUnitRecord): AdminUnitType {
    const { level, code, name, fullName, type, parentCode, provinceCode, validFrom, validTo } = record;
    return Object.assign(new AdminUnitType(), {
      id: toGlobalId('AdminUnit', adminUnitLocalId(record)),
      level: level as AdminLevelEnum,
      code, name, fullName, type, parentCode, provinceCode, validFrom, validTo,
    });
  }
}
