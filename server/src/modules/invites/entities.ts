import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { StaffRole } from '@anju/shared'

/** A one-time code a dispatcher gives a new staff member: role, place scope and expiry. */
@Entity('invite')
// A desk's retried 生成邀请码 finds its invite by this key instead of making a second one.
@Index('uq_invite_client_key', ['createdByUserId', 'clientKey'], { unique: true })
export class Invite {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_invite_code_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole

  @ForeignKey('Place', { name: 'fk_invite_place', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  placeId: number

  @Index('ix_invite_creator')
  @ForeignKey('User', { name: 'fk_invite_creator', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  createdByUserId: number

  @Column({ type: 'datetime' })
  expiresAt: Date

  @ForeignKey('User', { name: 'fk_invite_used_by', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  usedByUserId: number | null

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null

  /** The desk app's key for the create; null for invites made before keys. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientKey: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
