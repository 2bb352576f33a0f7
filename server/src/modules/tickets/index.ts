/**
 * The tickets module's door: what other modules may use. Everything else in this folder is internal.
 */
// app.ts: the routes, and the answer to uploads' `uploadsAttaching` event.
export { ticketRoutes } from './routes'
export { refuseTicketPhotosInUse } from './photos'
// messages: a conversation turned into a ticket, and ticket numbers beside messages.
export { submitTicket } from './create'
export { ticketNumbersById } from './numbers-by-id'
// jobs: the SLA sweep (warn, escalate, auto-close), which jobs/index.ts schedules.
export { runSlaSweep } from './sla-sweep'
// demo: a month of tickets, made through the services.
export { takeTicketAction } from './actions'
export { activeCategories, hasTickets } from './seeding'
