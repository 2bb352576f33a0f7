import type { DataSource } from 'typeorm'

/**
 * Modules that cache reference data (places, categories, who leads a building) listen here;
 * modules that change it say so. Keeps the writers from importing the readers.
 */
const listeners = new Set<(ds: DataSource) => void>()

export function onReferenceDataChanged(listener: (ds: DataSource) => void): void {
  listeners.add(listener)
}

export function referenceDataChanged(ds: DataSource): void {
  for (const listener of listeners) listener(ds)
}
