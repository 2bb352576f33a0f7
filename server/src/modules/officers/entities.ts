import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import type { DutyHours, OfficerDuty } from '@anju/shared'

/** A building-lead officer's public card and duty hours. */
@Entity('officer_profile')
export class OfficerProfile {
  @ForeignKey('User', { name: 'fk_officer_profile_user', onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'int' })
  userId: number

  @Index('uq_officer_police_number', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  policeNumber: string

  /** The officer's work phone, shown to the residents of their buildings. */
  @Column({ type: 'varchar', length: 20 })
  phone: string

  @Column({ type: 'varchar', length: 255, nullable: true })
  photoUrl: string | null

  /** The police station (派出所) the officer belongs to. */
  @Column({ type: 'varchar', length: 60 })
  station: string

  @Column({ type: 'simple-json' })
  duties: OfficerDuty[]

  @Column({ type: 'simple-json' })
  dutyHours: DutyHours

  @Column({ type: 'datetime', nullable: true })
  onLeaveUntil: Date | null

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/** Which officer leads which building (楼长民警). One officer per building. */
@Entity('building_lead')
export class BuildingLead {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_building_lead_building', { unique: true })
  @ForeignKey('Place', { name: 'fk_building_lead_building', onDelete: 'CASCADE' })
  @Column({ type: 'int' })
  buildingId: number

  @Index('ix_building_lead_officer')
  @ForeignKey('User', { name: 'fk_building_lead_officer', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  officerUserId: number

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date
}

/** The 24-hour duty desk (值班台) of a street or district: it covers every building beneath it. */
@Entity('duty_desk')
export class DutyDesk {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_duty_desk_place', { unique: true })
  @ForeignKey('Place', { name: 'fk_duty_desk_place', onDelete: 'RESTRICT' })
  @Column({ type: 'int' })
  placeId: number

  @Column({ type: 'varchar', length: 60 })
  name: string

  @Column({ type: 'varchar', length: 20 })
  phone: string

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date
}
