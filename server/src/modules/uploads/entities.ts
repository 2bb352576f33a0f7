import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * An image a user uploaded, after it was re-encoded without its metadata. `review` follows the
 * WeChat media check: pending until the check's result arrives, pass, or held (flagged: only the
 * uploader and the staff handling what it is attached to may see it).
 */
@Entity('upload')
// A retried upload (same person, same key) finds the first row instead of storing the photo twice.
@Index('uq_upload_client_key', ['ownerUserId', 'clientKey'], { unique: true })
export class Upload {
  @PrimaryGeneratedColumn()
  id: number

  @Index('ix_upload_owner')
  @ForeignKey('User', { name: 'fk_upload_owner', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  ownerUserId: number

  /** What the upload is for: ticket, message, officer photo. */
  @Column({ type: 'varchar', length: 16 })
  purpose: string

  /** The key in the storage backend (a relative path for the local folder). */
  @Index('uq_upload_storage_key', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  storageKey: string

  @Column({ type: 'varchar', length: 32 })
  mime: string

  @Column({ type: 'int' })
  bytes: number

  @Column({ type: 'int', nullable: true })
  width: number | null

  @Column({ type: 'int', nullable: true })
  height: number | null

  /** sha256 of the stored bytes. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string

  @Column({ type: 'varchar', length: 8 })
  review: 'pending' | 'pass' | 'held'

  /** The media check's trace_id, to match the asynchronous result to this row. */
  @Index('ix_upload_check_trace')
  @Column({ type: 'varchar', length: 64, nullable: true })
  checkTraceId: string | null

  @Column({ type: 'varchar', length: 200, nullable: true })
  checkDetail: string | null

  /** The app's key for this upload; null when the client sent none. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientKey: string | null

  /** The media-check retry's claim (see db/claim.ts): one instance asks WeChat again, until this time. */
  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null

  @Column({ type: 'varchar', length: 40, nullable: true })
  lockedBy: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
