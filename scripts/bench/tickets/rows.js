/**
 * The `ticket` and `ticket_event` rows a submitted report becomes, column for column as
 * server/src/modules/tickets/create.ts writes them, for the raw baseline and the bulk generator.
 */

const TICKET_COLUMNS = [
  'clientKey',
  'kind',
  'categoryId',
  'status',
  'stage',
  'slaLevel',
  'urgent',
  'description',
  'reporterUserId',
  'anonymous',
  'contactPhoneEnc',
  'placeId',
  'districtId',
  'streetId',
  'communityId',
  'gridId',
  'locationText',
  'latitude',
  'longitude',
  'level',
  'handlerUserId',
  'deskId',
  'acceptDueAt',
  'resolveDueAt',
  'warnAt',
  'warnedAt',
  'breachedAt',
  'acceptedAt',
  'resolvedAt',
  'closedAt',
  'resolution',
  'rejectReason',
  'rating',
  'ratingComment',
  'reopenCount',
  'onTime',
  'subscribed',
  'contentHeld',
  'createdAt',
  'updatedAt',
]
const EVENT_COLUMNS = [
  'ticketId',
  'actorUserId',
  'actorText',
  'action',
  'fromStatus',
  'toStatus',
  'note',
  'visibility',
  'detail',
  'createdAt',
]

const quoted = (names) => names.map((n) => `\`${n}\``).join(', ')
const INSERT_TICKET = `INSERT INTO \`ticket\` (${quoted(TICKET_COLUMNS)}) VALUES `
const INSERT_EVENT = `INSERT INTO \`ticket_event\` (${quoted(EVENT_COLUMNS)}) VALUES `

/** deadlinesFrom() in server/src/modules/tickets/routing.ts. */
function deadlines(category, start) {
  const at = (minutes) => new Date(start.getTime() + minutes * 60_000)
  return {
    acceptDueAt: at(category.acceptMinutes),
    resolveDueAt: at(category.resolveMinutes),
    warnAt: at((category.acceptMinutes * category.warnAtPercent) / 100),
  }
}

/** A just-submitted ticket, as an object keyed by column. */
function submittedTicket({ building, category, reporterUserId, clientKey, description, now }) {
  const due = deadlines(category, now)
  return {
    clientKey,
    kind: category.kind,
    categoryId: category.id,
    status: 'submitted',
    stage: 'pending',
    slaLevel: 0,
    urgent: 0,
    description,
    reporterUserId,
    anonymous: 0,
    contactPhoneEnc: null,
    placeId: building.id,
    districtId: building.districtId ?? building.id,
    streetId: building.streetId,
    communityId: building.communityId,
    gridId: building.gridId,
    locationText: building.locationText,
    latitude: null,
    longitude: null,
    level: building.gridId ? 'grid' : 'community',
    handlerUserId: building.handlerUserId,
    deskId: building.deskId,
    ...due,
    warnedAt: null,
    breachedAt: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rejectReason: null,
    rating: null,
    ratingComment: null,
    reopenCount: 0,
    onTime: null,
    subscribed: '[]',
    contentHeld: 0,
    createdAt: now,
    updatedAt: now,
  }
}

function submitEvent({ ticketId, building, reporterUserId, now }) {
  const whom = building.handlerUserId ? `楼长民警 ${building.leadName}` : building.deskName
  return {
    ticketId,
    actorUserId: reporterUserId,
    actorText: '居民',
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    note: `已提交，由${whom}受理`,
    visibility: 'public',
    detail: null,
    createdAt: now,
  }
}

const ticketValues = (t) => TICKET_COLUMNS.map((c) => t[c])
const eventValues = (e) => EVENT_COLUMNS.map((c) => e[c])

module.exports = {
  TICKET_COLUMNS,
  EVENT_COLUMNS,
  INSERT_TICKET,
  INSERT_EVENT,
  deadlines,
  submittedTicket,
  submitEvent,
  ticketValues,
  eventValues,
}
