import { TableForeignKey, type QueryRunner } from 'typeorm'

type OnDelete = 'RESTRICT' | 'CASCADE' | 'SET NULL'

/**
 * The foreign keys the entities declare with @ForeignKey, frozen here as migration 1795700000000
 * adds them: [table, column, referenced table (its id), ON DELETE, constraint name].
 * RESTRICT keeps records that must survive (tickets, their events, messages, uploads in use);
 * CASCADE removes only children meaningless alone (a user's refresh tokens, residence, credits;
 * a ticket's events, photos, alerts; a conversation's messages); SET NULL lets an undelivered
 * notice to a deleted user be given up by the outbox. Copies of a place's ancestors (districtId…
 * gridId on tickets and conversations) are not keyed: the place row itself is. audit_log.actorUserId
 * is not keyed either: the log keeps who acted even after the account is gone.
 */
export const FOREIGN_KEYS: ReadonlyArray<readonly [string, string, string, OnDelete, string]> = [
  ['place', 'parentId', 'place', 'RESTRICT', 'fk_place_parent'],
  ['app_user', 'scopePlaceId', 'place', 'RESTRICT', 'fk_user_scope_place'],
  ['residence', 'userId', 'app_user', 'CASCADE', 'fk_residence_user'],
  ['residence', 'buildingId', 'place', 'RESTRICT', 'fk_residence_building'],
  ['residence', 'unitId', 'place', 'RESTRICT', 'fk_residence_unit'],
  ['refresh_token', 'userId', 'app_user', 'CASCADE', 'fk_refresh_token_user'],
  ['invite', 'placeId', 'place', 'RESTRICT', 'fk_invite_place'],
  ['invite', 'createdByUserId', 'app_user', 'RESTRICT', 'fk_invite_creator'],
  ['invite', 'usedByUserId', 'app_user', 'RESTRICT', 'fk_invite_used_by'],
  ['officer_profile', 'userId', 'app_user', 'CASCADE', 'fk_officer_profile_user'],
  ['building_lead', 'buildingId', 'place', 'CASCADE', 'fk_building_lead_building'],
  ['building_lead', 'officerUserId', 'app_user', 'RESTRICT', 'fk_building_lead_officer'],
  ['duty_desk', 'placeId', 'place', 'RESTRICT', 'fk_duty_desk_place'],
  ['outbox_message', 'recipientUserId', 'app_user', 'SET NULL', 'fk_outbox_recipient'],
  ['upload', 'ownerUserId', 'app_user', 'RESTRICT', 'fk_upload_owner'],
  ['ticket', 'categoryId', 'ticket_category', 'RESTRICT', 'fk_ticket_category'],
  ['ticket', 'reporterUserId', 'app_user', 'RESTRICT', 'fk_ticket_reporter'],
  ['ticket', 'placeId', 'place', 'RESTRICT', 'fk_ticket_place'],
  ['ticket', 'handlerUserId', 'app_user', 'RESTRICT', 'fk_ticket_handler'],
  ['ticket', 'deskId', 'duty_desk', 'RESTRICT', 'fk_ticket_desk'],
  ['ticket_event', 'ticketId', 'ticket', 'CASCADE', 'fk_ticket_event_ticket'],
  ['ticket_event', 'actorUserId', 'app_user', 'RESTRICT', 'fk_ticket_event_actor'],
  ['ticket_photo', 'ticketId', 'ticket', 'CASCADE', 'fk_ticket_photo_ticket'],
  ['ticket_photo', 'eventId', 'ticket_event', 'CASCADE', 'fk_ticket_photo_event'],
  ['ticket_photo', 'uploadId', 'upload', 'RESTRICT', 'fk_ticket_photo_upload'],
  ['ticket_whistle', 'ticketId', 'ticket', 'CASCADE', 'fk_ticket_whistle_ticket'],
  ['ticket_whistle', 'departmentId', 'department', 'RESTRICT', 'fk_ticket_whistle_department'],
  ['ticket_whistle', 'calledByUserId', 'app_user', 'RESTRICT', 'fk_ticket_whistle_caller'],
  ['desk_alert', 'deskId', 'duty_desk', 'CASCADE', 'fk_desk_alert_desk'],
  ['desk_alert', 'ticketId', 'ticket', 'CASCADE', 'fk_desk_alert_ticket'],
  ['desk_alert', 'acknowledgedByUserId', 'app_user', 'RESTRICT', 'fk_desk_alert_acknowledged_by'],
  ['conversation', 'residentUserId', 'app_user', 'RESTRICT', 'fk_conversation_resident'],
  ['conversation', 'buildingId', 'place', 'RESTRICT', 'fk_conversation_building'],
  ['conversation', 'officerUserId', 'app_user', 'RESTRICT', 'fk_conversation_officer'],
  ['conversation', 'deskId', 'duty_desk', 'RESTRICT', 'fk_conversation_desk'],
  ['message', 'conversationId', 'conversation', 'CASCADE', 'fk_message_conversation'],
  ['message', 'senderUserId', 'app_user', 'RESTRICT', 'fk_message_sender'],
  ['message', 'uploadId', 'upload', 'RESTRICT', 'fk_message_upload'],
  ['message', 'ticketId', 'ticket', 'RESTRICT', 'fk_message_ticket'],
  ['notice', 'authorUserId', 'app_user', 'RESTRICT', 'fk_notice_author'],
  ['notice_building', 'noticeId', 'notice', 'CASCADE', 'fk_notice_building_notice'],
  ['notice_building', 'buildingId', 'place', 'CASCADE', 'fk_notice_building_building'],
  ['notice_read', 'noticeId', 'notice', 'CASCADE', 'fk_notice_read_notice'],
  ['notice_read', 'userId', 'app_user', 'CASCADE', 'fk_notice_read_user'],
  ['canned_reply_list', 'userId', 'app_user', 'CASCADE', 'fk_canned_reply_list_user'],
  ['subscribe_credit', 'userId', 'app_user', 'CASCADE', 'fk_subscribe_credit_user'],
]

function byTable(): Map<string, TableForeignKey[]> {
  const tables = new Map<string, TableForeignKey[]>()
  for (const [table, column, referenced, onDelete, name] of FOREIGN_KEYS) {
    const fk = new TableForeignKey({
      name,
      columnNames: [column],
      referencedTableName: referenced,
      referencedColumnNames: ['id'],
      onDelete,
      onUpdate: 'NO ACTION',
    })
    tables.set(table, [...(tables.get(table) ?? []), fk])
  }
  return tables
}

/**
 * Through the query runner rather than generated SQL: on SQLite each table is rebuilt from what it
 * is when this runs, so columns other migrations add later (clientKey) are neither needed nor lost.
 */
export async function addForeignKeys(q: QueryRunner): Promise<void> {
  for (const [table, fks] of byTable()) await q.createForeignKeys(table, fks)
}

export async function dropForeignKeys(q: QueryRunner, mysql: boolean): Promise<void> {
  for (const [table, fks] of [...byTable()].reverse()) {
    await q.dropForeignKeys(table, fks)
    if (!mysql) continue
    // InnoDB made an index for each key whose column had none; it goes with the key.
    for (const fk of fks) {
      const rows = (await q.query(
        'SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? LIMIT 1',
        [table, fk.name],
      )) as unknown[]
      if (rows.length > 0) await q.query(`DROP INDEX \`${fk.name}\` ON \`${table}\``)
    }
  }
}
