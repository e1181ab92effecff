export { startFakeCloudflare } from './server.js'
export type { FakeCloudflare, FakeCloudflareOptions, RecordedRequest } from './server.js'
export type { CloudflareEndpoint, CloudflareFault, CloudflareFaultKind } from './faults.js'
