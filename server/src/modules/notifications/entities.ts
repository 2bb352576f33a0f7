import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'

/**
 * Anything sent to the outside (a WeChat subscribe message now; the 12345 hotline later) is first
 * written here, in the same transaction as the change that caused it. The delivery job sends it
 * and keeps the attempts, the next try and the last error on the row.
 */
@Entity('outbox_message')
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number

  /** wechat_subscribe, … */
  @Column({ type: 'varchar', length: 24 })
  channel: string

  /** The same cause never queues a second message (e.g. "ticket 12 accepted"). */
  @Index('uq_outbox_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  dedupeKey: string

  @ForeignKey('User', { name: 'fk_outbox_recipient', onDelete: 'SET NULL' })
  @Column({ type: 'int', nullable: true })
  recipientUserId: number | null

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>

  @Column({ type: 'varchar', length: 8 })
  status: 'pending' | 'sent' | 'failed' | 'dead'

  @Column({ type: 'int', default: 0 })
  attempts: number

  @Column({ type: 'datetime' })
  nextAttemptAt: Date

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null

  /** Claimed by one instance until this time; another may take it over once it passes. */
  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null

  @Column({ type: 'varchar', length: 40, nullable: true })
  lockedBy: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}
