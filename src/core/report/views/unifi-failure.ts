/** The section that explains a failed UniFi collection and what to do about it. */
import type { UnifiFailure, UnifiFailureClass } from '../input.js'
import type { ReportSection } from '../section.js'

const HEADLINE: Record<UnifiFailureClass, string> = {
  config: 'The UniFi settings do not match the controller.',
  unreachable: 'The UniFi controller could not be reached.',
  auth: 'The UniFi controller refused the login.',
  tls: 'The UniFi controller’s certificate is not trusted.',
  other: 'Reading the UniFi controller failed.',
}

const ADVICE: Record<UnifiFailureClass, string> = {
  config: 'Check the controller address, the site name and that the account may read this site.',
  unreachable:
    'Check the controller address and port, that the console is powered on, and that this computer can reach it.',
  auth: 'Check the username and password or API key; wait before retrying if the console reported too many login attempts.',
  tls: 'Verify the certificate fingerprint on the console and pin it in the settings, or configure the CA that signed it.',
  other: 'See the message above; the next report will try again.',
}

export function buildUnifiFailureSection(error: UnifiFailure): ReportSection {
  return {
    id: 'unifi-failure',
    title: 'UniFi controller',
    tone: 'error',
    summary: HEADLINE[error.class],
    blocks: [
      { type: 'paragraph', tone: 'error', text: `${HEADLINE[error.class]} ${error.message}` },
      { type: 'paragraph', text: ADVICE[error.class] },
      {
        type: 'facts',
        items: [
          { label: 'Problem', value: error.kind },
          { label: 'Code', value: error.code },
          ...(error.presentedFingerprint
            ? [{ label: 'Certificate presented (SHA-256)', value: error.presentedFingerprint }]
            : []),
        ],
      },
      {
        type: 'paragraph',
        tone: 'note',
        text: 'No events, threats or device data are in this report; integration sections below are unaffected.',
      },
    ],
  }
}
