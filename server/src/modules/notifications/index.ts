/**
 * The notifications module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { OutboxMessage } from './entities'
export { queueSubscribeMessage, queueTicketNotice, type TicketNotice } from './outbox'
export { claimDueOutbox, settleOutbox } from './outbox-claims'
