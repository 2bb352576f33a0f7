import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { DESK_ALERT_KINDS, PlaceLevel, SubscribeEvent, TicketKind, TicketStatus } from '@anju/shared'
import { BuildingAncestors } from '../places'

/**
 * A resident's report and everything done about it. The place's ancestors are copied onto the row
 * so a duty desk's scope, and the workbench's keyset pages, are single index range scans.
 */
@Entity('ticket')
@Index('uq_ticket_client_key', ['reporterUserId', 'clientKey'], { unique: true })
@Index('ix_ticket_handler', ['handlerUserId', 'stage', 'id'])
@Index('ix_ticket_handler_sla', ['handlerUserId', 'slaLevel', 'id'])
@Index('ix_ticket_reporter', ['reporterUserId', 'stage', 'id'])
@Index('ix_ticket_district', ['districtId', 'stage', 'id'])
@Index('ix_ticket_district_sla', ['districtId', 'slaLevel', 'id'])
@Index('ix_ticket_street', ['streetId', 'stage', 'id'])
@Index('ix_ticket_street_sla', ['streetId', 'slaLevel', 'id'])
@Index('ix_ticket_accept_due', ['stage', 'acceptDueAt'])
@Index('ix_ticket_resolve_due', ['stage', 'resolveDueAt'])
@Index('ix_ticket_created', ['districtId', 'createdAt'])
export class Ticket extends BuildingAncestors {
  @PrimaryGeneratedColumn()
  id: number

  /** The UUID the app made for the draft: a retried submit finds this row instead of adding one. */
  @Column({ type: 'varchar', length: 36 })
  clientKey: string

  @Column({ type: 'varchar', length: 16 })
  kind: TicketKind

  @ForeignKey(() => TicketCategoryRow, { name: 'fk_ticket_category', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  categoryId: number

  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus

  /** pending (submitted) · active (accepted, in progress) · done (everything else): the workbench tabs. */
  @Column({ type: 'varchar', length: 8 })
  stage: 'pending' | 'active' | 'done'

  /** 0 on time, 1 pre-warned, 2 overdue: kept by the SLA sweep, so "overdue first" is an index order. */
  @Column({ type: 'smallint', default: 0 })
  slaLevel: number

  @Column({ type: 'boolean', default: false })
  urgent: boolean

  @Column({ type: 'text' })
  description: string

  @Index('ix_ticket_reporter_user')
  @ForeignKey('User', { name: 'fk_ticket_reporter', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  reporterUserId: number

  @Column({ type: 'boolean', default: false })
  anonymous: boolean

  /** AES-GCM ciphertext of the contact phone the resident chose to give, if any. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactPhoneEnc: string | null

  /** The building the ticket is about; its ancestors are inherited. */
  @ForeignKey('Place', { name: 'fk_ticket_place', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  placeId: number

  @Column({ type: 'varchar', length: 160 })
  locationText: string

  @Column({ type: 'double', nullable: true })
  latitude: number | null

  @Column({ type: 'double', nullable: true })
  longitude: number | null

  /** Where responsibility sits now: grid (the building's officer) → community → street → district. */
  @Column({ type: 'varchar', length: 12 })
  level: PlaceLevel

  @ForeignKey('User', { name: 'fk_ticket_handler', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  handlerUserId: number | null

  /** The duty desk that covers the ticket at its current level. */
  @ForeignKey('DutyDesk', { name: 'fk_ticket_desk', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  deskId: number | null

  @Column({ type: 'datetime' })
  acceptDueAt: Date

  @Column({ type: 'datetime' })
  resolveDueAt: Date

  @Column({ type: 'datetime' })
  warnAt: Date

  /** Set once by whichever server instance's sweep got there first (a conditional UPDATE). */
  @Column({ type: 'datetime', nullable: true })
  warnedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  breachedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null

  @Column({ type: 'text', nullable: true })
  resolution: string | null

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null

  @Column({ type: 'varchar', length: 24, nullable: true })
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null

  @Column({ type: 'varchar', length: 500, nullable: true })
  ratingComment: string | null

  @Column({ type: 'smallint', default: 0 })
  reopenCount: number

  /** The resident's last 催办: one conditional UPDATE of it decides the once-a-day rule. */
  @Column({ type: 'datetime', nullable: true })
  lastUrgedAt: Date | null

  /** Resolved and closed on time: set when the ticket is resolved. */
  @Column({ type: 'boolean', nullable: true })
  onTime: boolean | null

  /** The subscribe-message events the resident accepted when submitting. */
  @Column({ type: 'simple-json' })
  subscribed: SubscribeEvent[]

  /** The content check flagged the text: only the reporter and handling staff see the ticket's words. */
  @Column({ type: 'boolean', default: false })
  contentHeld: boolean

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/** One line of a ticket's timeline: who did what, when. Internal notes are for staff only. */
@Entity('ticket_event')
@Index('ix_ticket_event_ticket', ['ticketId', 'id'])
// Per ticket: the key names one tap on this ticket, and the request says which ticket, so a replay is one index lookup.
@Index('uq_ticket_event_client_key', ['ticketId', 'clientKey'], { unique: true })
export class TicketEvent {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey(() => Ticket, { name: 'fk_ticket_event_ticket', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  ticketId: number

  /** null: the system (SLA sweep, auto-close). */
  @ForeignKey('User', { name: 'fk_ticket_event_actor', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null

  @Column({ type: 'varchar', length: 40 })
  actorText: string

  @Column({ type: 'varchar', length: 16 })
  action: string

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TicketStatus | null

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: TicketStatus | null

  @Column({ type: 'text', nullable: true })
  note: string | null

  @Column({ type: 'varchar', length: 8 })
  visibility: 'public' | 'internal'

  @Column({ type: 'simple-json', nullable: true })
  detail: Record<string, string | number | boolean | null> | null

  /** The app's key for the action that wrote this event; null for submit (the ticket holds it) and the system's own events. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientKey: string | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}

/** A photo on a ticket: the resident's (eventId null) or one added with a note or the resolution. */
@Entity('ticket_photo')
@Index('ix_ticket_photo_ticket', ['ticketId', 'position'])
export class TicketPhoto {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey(() => Ticket, { name: 'fk_ticket_photo_ticket', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  ticketId: number

  @ForeignKey(() => TicketEvent, { name: 'fk_ticket_photo_event', onDelete: 'CASCADE' })
  @Column({ type: 'int', nullable: true })
  eventId: number | null

  @Index('uq_ticket_photo_upload', { unique: true })
  @ForeignKey('Upload', { name: 'fk_ticket_photo_upload', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  uploadId: number

  @Column({ type: 'smallint' })
  position: number
}

/** A category with its routing rule and SLA; the district duty desk edits these rows. */
@Entity('ticket_category')
@Index('uq_ticket_category_name', ['kind', 'name'], { unique: true })
export class TicketCategoryRow {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'varchar', length: 16 })
  kind: 'hazard' | 'dispute'

  @Column({ type: 'varchar', length: 20 })
  name: string

  @Column({ type: 'int', default: 100 })
  sortOrder: number

  @Column({ type: 'boolean', default: true })
  active: boolean

  @Column({ type: 'varchar', length: 16 })
  routeTo: 'building_lead' | 'duty_desk'

  @Column({ type: 'boolean', default: false })
  alertDesk: boolean

  @Column({ type: 'int' })
  acceptMinutes: number

  @Column({ type: 'int' })
  resolveMinutes: number

  @Column({ type: 'int' })
  urgentAcceptMinutes: number

  @Column({ type: 'int' })
  urgentResolveMinutes: number

  @Column({ type: 'int', default: 80 })
  warnAtPercent: number

  /** The desk app's key for the create: a retry answers with this row. Null for seeded categories. */
  @Index('uq_ticket_category_client_key', { unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientKey: string | null

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/** A department the duty desk can whistle (吹哨) to a ticket: 城管, 消防, 住建, 燃气公司, 物业... */
@Entity('department')
export class Department {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_department_name', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  name: string

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null

  @Column({ type: 'boolean', default: true })
  active: boolean
}

/** 吹哨报到: a department called to a ticket, its report-in (报到) and its response. */
@Entity('ticket_whistle')
@Index('ix_ticket_whistle_ticket', ['ticketId'])
/** A ticket calls a department once; the index decides when two desks call it at the same moment. */
@Index('uq_ticket_whistle_department', ['ticketId', 'departmentId'], { unique: true })
export class TicketWhistle {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey(() => Ticket, { name: 'fk_ticket_whistle_ticket', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  ticketId: number

  @ForeignKey(() => Department, { name: 'fk_ticket_whistle_department', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  departmentId: number

  @ForeignKey('User', { name: 'fk_ticket_whistle_caller', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  calledByUserId: number

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null

  @Column({ type: 'datetime', nullable: true })
  reportedAt: Date | null

  @Column({ type: 'varchar', length: 500, nullable: true })
  response: string | null

  @Column({ type: 'datetime', nullable: true })
  respondedAt: Date | null

  @CreateDateColumn({ type: 'datetime' })
  calledAt: Date
}

/** Something the duty desk must look at: an urgent report, a breached deadline, an escalation. */
@Entity('desk_alert')
@Index('ix_desk_alert_desk', ['deskId', 'acknowledgedAt', 'id'])
@Index('uq_desk_alert', ['ticketId', 'kind', 'deskId'], { unique: true })
export class DeskAlert {
  @PrimaryGeneratedColumn()
  id: number

  @ForeignKey('DutyDesk', { name: 'fk_desk_alert_desk', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  deskId: number

  @ForeignKey(() => Ticket, { name: 'fk_desk_alert_ticket', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  ticketId: number

  @Column({ type: 'varchar', length: 16 })
  kind: (typeof DESK_ALERT_KINDS)[number]

  @Column({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null

  @ForeignKey('User', { name: 'fk_desk_alert_acknowledged_by', onDelete: 'RESTRICT' })
  @Column({ type: 'int', nullable: true })
  acknowledgedByUserId: number | null

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
