import type { EntityManager } from 'typeorm'

/**
 * Typed domain events: a lower module announces what happened and a higher one reacts, so the
 * lower never imports the higher (the layer rule). Events are named here with their payloads;
 * there is no event outside this interface.
 *
 * Handlers run in the emitter's transaction (`em`), one after the other, awaited: a handler that
 * throws fails the emitter's change, as a write of its own there would. An event nobody
 * subscribed to changes nothing.
 *
 * One registry per process, a Set per event: subscribing the same handler again changes nothing,
 * so two app instances in one process (the tests' peer instance) do not run a handler twice.
 * Subscriptions are made where the app is assembled (app.ts), not as a side effect of an import.
 */
export interface DomainEvents {
  /**
   * officers: these buildings' lead was set to this officer (by a desk, also when it names the same
   * officer again; by the places import, a batch's changed buildings per officer).
   */
  buildingLeadChanged: { buildingIds: number[]; officerUserId: number }
  /**
   * uploads: photos are being attached (claimUploads, in the attaching transaction). A module that
   * keeps attachments throws photoInUse() for one it already holds; its unique index decides races.
   */
  uploadsAttaching: { uploadIds: number[] }
}

export type DomainEventName = keyof DomainEvents
export type DomainEventHandler<N extends DomainEventName> = (payload: DomainEvents[N], em: EntityManager) => Promise<void>

const handlers = new Map<DomainEventName, Set<unknown>>()

function handlersOf<N extends DomainEventName>(name: N): Set<DomainEventHandler<N>> {
  let set = handlers.get(name)
  if (!set) handlers.set(name, (set = new Set()))
  return set as Set<DomainEventHandler<N>>
}

/** Subscribes a handler (once, however often it is called); returns the unsubscribe. */
export function on<N extends DomainEventName>(name: N, handler: DomainEventHandler<N>): () => void {
  const set = handlersOf(name)
  set.add(handler)
  return () => void set.delete(handler)
}

/** Runs the event's handlers in the caller's transaction, in the order they subscribed. */
export async function emit<N extends DomainEventName>(name: N, payload: DomainEvents[N], em: EntityManager): Promise<void> {
  for (const handler of handlersOf(name)) await handler(payload, em)
}
