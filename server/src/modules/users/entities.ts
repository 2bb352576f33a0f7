import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { Role } from '@anju/shared'

/** Everyone who logs in: residents and staff alike, identified by their WeChat openid. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_user_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string

  @Column({ type: 'varchar', length: 16 })
  role: Role

  @Column({ type: 'varchar', length: 40 })
  name: string

  /** Staff only: the place they serve (a dispatcher's scope, an officer's street). */
  @ForeignKey('Place', { name: 'fk_user_scope_place', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  scopePlaceId: number | null

  /** WeChat session_key, encrypted with the data key; never leaves the server. */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  wechatSessionKey: string | null

  @Column({ type: 'datetime', nullable: true })
  disabledAt: Date | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/** Where a resident lives. One row per resident; rebinding updates it. */
@Entity('residence')
export class Residence {
  @ForeignKey(() => User, { name: 'fk_residence_user', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  userId: number

  @Index('ix_residence_building')
  @ForeignKey('Place', { name: 'fk_residence_building', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  buildingId: number

  @ForeignKey('Place', { name: 'fk_residence_unit', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  unitId: number | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}
