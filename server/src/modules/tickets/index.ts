/**
 * The tickets module's door: what other modules may use. Everything else in this folder is internal.
 */
export {}
export { ticketNumbersById } from './numbers-by-id'
export { submitTicket } from './create'
