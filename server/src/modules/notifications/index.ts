/**
 * The notifications module's door: what other modules may use. Everything else in this folder is internal.
 */
export {}
export { claimDueOutbox, settleOutbox } from './outbox-claims'
export type { OutboxMessage } from './entities'
export type { TicketNotice } from './outbox'
export { queueSubscribeMessage } from './outbox'
