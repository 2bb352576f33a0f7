export * from './machine'
export * from './emergency'
export * from './schemas'
