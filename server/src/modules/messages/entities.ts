import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { MessageSide } from '@anju/shared'
import { BuildingAncestors } from '../places'

/**
 * One resident's thread with whoever leads their building. It belongs to the (resident, building)
 * pair, not to an officer: when the building gets a new officer, the thread follows the building.
 * It keeps the counters every list needs (last message, unread per side, read cursors) so that an
 * inbox is one indexed read, and the place ancestors so that a desk's scope is one comparison.
 */
@Entity('conversation')
@Index('uq_conversation_resident_building', ['residentUserId', 'buildingId'], { unique: true })
@Index('ix_conversation_officer', ['officerUserId', 'lastMessageAt'])
@Index('ix_conversation_street', ['streetId', 'lastMessageAt'])
@Index('ix_conversation_district', ['districtId', 'lastMessageAt'])
@Index('ix_conversation_awaiting', ['awaitingSince'])
export class Conversation extends BuildingAncestors {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey('User', { name: 'fk_conversation_resident', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  residentUserId: number

  @ForeignKey('Place', { name: 'fk_conversation_building', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  buildingId: number

  /** The building's lead when the last message was written; follows reassignments. */
  @ForeignKey('User', { name: 'fk_conversation_officer', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  officerUserId: number | null

  /** The last message's seq; a new message takes lastSeq + 1 under the row's lock. */
  @Column({ type: 'int', default: 0 })
  lastSeq: number

  @Column({ type: 'datetime', nullable: true })
  lastMessageAt: Date | null

  @Column({ type: 'varchar', length: 60, nullable: true })
  lastPreview: string | null

  @Column({ type: 'varchar', length: 8, nullable: true })
  lastSide: MessageSide | null

  @Column({ type: 'int', default: 0 })
  residentDeliveredSeq: number

  @Column({ type: 'int', default: 0 })
  residentReadSeq: number

  @Column({ type: 'int', default: 0 })
  staffDeliveredSeq: number

  @Column({ type: 'int', default: 0 })
  staffReadSeq: number

  @Column({ type: 'int', default: 0 })
  residentUnread: number

  @Column({ type: 'int', default: 0 })
  officerUnread: number

  @Column({ type: 'int', default: 0 })
  deskUnread: number

  /** The resident wrote and nobody has answered since: the reply clock. */
  @Column({ type: 'datetime', nullable: true })
  awaitingSince: Date | null

  /** The duty desk has the thread (officer off duty, no reply in time, or no officer). */
  @Column({ type: 'datetime', nullable: true })
  deskCoverSince: Date | null

  @Column({ type: 'varchar', length: 12, nullable: true })
  deskCoverReason: 'off_duty' | 'no_reply' | 'no_officer' | null

  @ForeignKey('DutyDesk', { name: 'fk_conversation_desk', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  deskId: number | null

  @Column({ type: 'datetime', nullable: true })
  handledAt: Date | null

  /** When each side was last sent a 新消息提醒 subscribe message: the throttle. */
  @Column({ type: 'datetime', nullable: true })
  residentNotifiedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  staffNotifiedAt: Date | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

@Entity('message')
@Index('uq_message_seq', ['conversationId', 'seq'], { unique: true })
/** A retried send (same sender, same client id) finds the first row instead of writing a second. */
@Index('uq_message_client', ['senderUserId', 'clientId'], { unique: true })
@Index('ix_message_sender_time', ['senderUserId', 'createdAt'])
export class Message {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey(() => Conversation, { name: 'fk_message_conversation', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  conversationId: number

  @Column({ type: 'int' })
  seq: number

  /** Null for system notes. */
  @ForeignKey('User', { name: 'fk_message_sender', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  senderUserId: number | null

  @Column({ type: 'varchar', length: 8 })
  side: MessageSide

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientId: string | null

  @Column({ type: 'varchar', length: 8 })
  kind: 'text' | 'image' | 'system' | 'ticket'

  @Column({ type: 'varchar', length: 1000, nullable: true })
  text: string | null

  /** An upload is sent in one message only: the unique index decides between two sends at once. */
  @Index('uq_message_upload', { unique: true })
  @ForeignKey('Upload', { name: 'fk_message_upload', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  uploadId: number | null

  @ForeignKey('Ticket', { name: 'fk_message_ticket', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  ticketId: number | null

  @Column({ type: 'boolean', default: false })
  held: boolean

  @Column({ type: 'datetime' })
  createdAt: Date
}

/** The officer as 宣传员: a notice to some or all of the buildings they lead. */
@Entity('notice')
@Index('uq_notice_client', ['authorUserId', 'clientId'], { unique: true })
export class Notice {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey('User', { name: 'fk_notice_author', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  authorUserId: number

  @Column({ type: 'varchar', length: 64 })
  clientId: string

  @Column({ type: 'varchar', length: 12 })
  kind: 'safety' | 'anti_fraud' | 'utility'

  @Column({ type: 'varchar', length: 40 })
  title: string

  @Column({ type: 'varchar', length: 1000 })
  body: string

  @Column({ type: 'int' })
  buildingCount: number

  /** Residents of those buildings when it was posted: the read count's denominator. */
  @Column({ type: 'int' })
  residentCount: number

  @Column({ type: 'int', default: 0 })
  readCount: number

  @Column({ type: 'datetime' })
  createdAt: Date
}

@Entity('notice_building')
@Index('ix_notice_building_building', ['buildingId', 'noticeId'])
export class NoticeBuilding {
  @ForeignKey(() => Notice, { name: 'fk_notice_building_notice', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  noticeId: number

  @ForeignKey('Place', { name: 'fk_notice_building_building', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  buildingId: number
}

@Entity('notice_read')
export class NoticeRead {
  @ForeignKey(() => Notice, { name: 'fk_notice_read_notice', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  noticeId: number

  @ForeignKey('User', { name: 'fk_notice_read_user', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  userId: number

  @Column({ type: 'datetime' })
  readAt: Date
}

/** A staff member's 常用语, kept as one list they edit as a whole. */
@Entity('canned_reply_list')
export class CannedReplyList {
  @ForeignKey('User', { name: 'fk_canned_reply_list_user', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  userId: number

  @Column({ type: 'simple-json' })
  items: string[]

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/**
 * WeChat one-time subscriptions: each accepted 新消息提醒 allows one subscribe message. The
 * resident grants them by tapping; the server spends one per notification it sends.
 */
@Entity('subscribe_credit')
export class SubscribeCredit {
  @ForeignKey('User', { name: 'fk_subscribe_credit_user', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  userId: number

  @PrimaryColumn({ type: 'varchar', length: 16 })
  template: string

  @Column({ type: 'int', default: 0 })
  credits: number
}
