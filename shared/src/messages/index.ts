export * from './schemas'
export * from './notices'
export * from './realtime'
