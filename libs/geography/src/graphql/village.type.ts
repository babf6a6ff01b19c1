import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { NodeInterface, toGlobalId } from '@cdtt/platform';
import { VillageKind } from '../domain/village-kind';
import type { VillageRecord } from '../read-models/geography-records';
import { VillageStatusEnum } from './geography.enums';

@ObjectType('Village', { implements: () => [NodeInterface], description: 'A village-level unit (thôn, tổ dân phố…), entered locally.' })
export class VillageType implements NodeInterface {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Code of the commune the village belongs to.' })
  communeCode!: string;

  @Field()
  name!: string;

  @Field(() => VillageKind)
  kind!: VillageKind;

  @Field(() => Int, { nullable: true, description: 'Number of households, when known.' })
  households!: number | null;

  @Field(() => VillageStatusEnum)
  status!: VillageStatusEnum;

  @Field()
  registeredOn!: string;

  @Field(() => String, { nullable: true })
  retiredOn!: string | null;

  @Field(() => Int, { description: 'Revision of the village: pass it as expectedVersion to change it.' })
  version!: number;

  static of(record: VillageRecord): VillageType {
    const { communeCode, name, households, registeredOn, retiredOn, version } = record;
    return Object.assign(new VillageType(), {
      id: toGlobalId('Village', record.id),
      kind: record.kind as VillageKind,
      status: record.status as VillageStatusEnum,
      communeCode, name, households, registeredOn, retiredOn, version,
    });
  }
}
