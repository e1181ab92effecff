export * from './dispatcher.js'
export * from './request.js'
export * from './tls-trust.js'
