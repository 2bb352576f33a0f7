import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * A refresh token, stored only as its SHA-256. Each refresh replaces the token with a new one of
 * the same family; presenting a replaced token again revokes the whole family (it was stolen).
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_refresh_token_user')
  @ForeignKey('User', { name: 'fk_refresh_token_user', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  userId: number

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string

  @Index('ix_refresh_token_family')
  @Column({ type: 'varchar', length: 32 })
  familyId: string

  @Column({ type: 'datetime' })
  expiresAt: Date

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
