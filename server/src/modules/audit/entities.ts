import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** Every staff action that changes something: who, when, what. Never holds personal data. */
@Entity('audit_log')
@Index('ix_audit_target', ['targetType', 'targetId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_audit_actor')
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null

  @Column({ type: 'varchar', length: 64 })
  action: string

  @Column({ type: 'varchar', length: 32 })
  targetType: string

  @Column({ type: 'varchar', length: 64 })
  targetId: string

  @Column({ type: 'simple-json', nullable: true })
  detail: Record<string, unknown> | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
