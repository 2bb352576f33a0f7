import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { PlaceLevel } from '@anju/shared'
import { PlaceAncestors } from './scope'

/**
 * One node of district → street → community → grid → building → unit. Each row also carries
 * the ids of its ancestors, so "everything in this street" is one indexed equality, not a walk.
 */
@Entity('place')
@Index('uq_place_parent_name', ['parentId', 'name'], { unique: true })
@Index('ix_place_district', ['districtId'])
@Index('ix_place_street', ['streetId'])
@Index('ix_place_community', ['communityId'])
@Index('ix_place_grid', ['gridId'])
export class Place extends PlaceAncestors {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey(() => Place, { name: 'fk_place_parent', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  parentId: number | null

  @Column({ type: 'varchar', length: 16 })
  level: PlaceLevel

  @Column({ type: 'varchar', length: 60 })
  name: string

  /**
   * A district's name again (places without a parent), null below. uq_place_parent_name cannot
   * keep two districts of one name apart, since NULL parents never clash; this index does.
   */
  @Index('uq_place_root_name', { unique: true })
  @Column({ type: 'varchar', length: 60, nullable: true })
  rootName: string | null

  /** External identity: a building's code (printed on its QR sign). Null for other levels. */
  @Index('uq_place_code', { unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  code: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null

  /** A unit's building (the other ancestors are inherited); null above units. */
  @Index('ix_place_building')
  @Column({ type: 'int', nullable: true })
  buildingId: number | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}
