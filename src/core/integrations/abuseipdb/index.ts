export { abuseipdbIntegration } from './integration.js'
