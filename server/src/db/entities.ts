import { AuditLog } from '../modules/audit/entities'
import { RefreshToken } from '../modules/auth/entities'
import { Invite } from '../modules/invites/entities'
import { BuildingLead, DutyDesk, OfficerProfile } from '../modules/officers/entities'
import { Place } from '../modules/places/entities'
import { Residence, User } from '../modules/users/entities'
import { OutboxMessage } from '../modules/notifications/entities'
import { DeskAlert, Department, Ticket, TicketCategoryRow, TicketEvent, TicketPhoto, TicketWhistle } from '../modules/tickets/entities'
import { Upload } from '../modules/uploads/entities'
import { CannedReplyList, Conversation, Message, Notice, NoticeBuilding, NoticeRead, SubscribeCredit } from '../modules/messages/entities'

/** Every entity of the schema; migrations are generated from this list. */
export const ENTITIES = [
  Place,
  User,
  Residence,
  RefreshToken,
  Invite,
  OfficerProfile,
  BuildingLead,
  DutyDesk,
  AuditLog,
  Ticket,
  TicketEvent,
  TicketPhoto,
  TicketCategoryRow,
  Department,
  TicketWhistle,
  DeskAlert,
  Upload,
  OutboxMessage,
  Conversation,
  Message,
  Notice,
  NoticeBuilding,
  NoticeRead,
  CannedReplyList,
  SubscribeCredit,
]
