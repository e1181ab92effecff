/**
 * The HTML report in a real browser: values carrying script and markup payloads (event messages,
 * hostnames, device names, WAF paths, user agents, threat signatures) must render as inert text. Checked
 * twice — with the report's CSP, and with CSP bypassed — so the proof rests on escaping, not only on CSP.
 */
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import { analyse } from '../../src/core/analysis/analyse.js'
import type { IntegrationOutcome } from '../../src/core/integrations/contract.js'
import { integrationSections } from '../../src/core/pipeline/integration-sections.js'
import { buildReportModel } from '../../src/core/report/build-model.js'
import { renderHtml } from '../../src/core/report/html/render-html.js'
import type { ReportSection } from '../../src/core/report/section.js'
import type { CollectedDevice, CollectedEvent, CollectedThreat, UnifiCollection } from '../../src/core/unifi/model.js'
import { healthThresholdsSchema } from '../../src/shared/settings.js'

const NOW = Date.UTC(2026, 0, 24, 14, 30)
const PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '"><iframe src="javascript:window.top.__xss = \'iframe\'"></iframe>',
  '\'><a href="javascript:alert(1)" id="injected">x</a>',
  '<details open ontoggle="window.__xss = \'details\'">',
] as const
const all = PAYLOADS.join(' ')

function event(index: number, key: string, message: string, deviceName: string): CollectedEvent {
  return {
    origin: 'stat/event',
    kind: 'event',
    id: `e${index}`,
    key,
    category: null,
    event: null,
    severity: null,
    timestampMs: NOW - (index + 1) * 600_000,
    message,
    subsystem: 'wlan',
    deviceMac: `00:11:22:33:44:${String(10 + index)}`,
    deviceName,
    raw: { key, msg: message, ip: PAYLOADS[0], admin: PAYLOADS[1], ap_name: deviceName, hostname: PAYLOADS[2] },
  }
}

function device(index: number, name: string): CollectedDevice {
  return {
    mac: `aa:bb:cc:dd:ee:${String(10 + index)}`,
    name,
    model: PAYLOADS[3],
    type: 'usw',
    state: 1,
    version: '7.0.0',
    uptimeSec: 400 * 86_400,
    cpuPercent: 97,
    memPercent: 40,
    temperatureC: 95,
    overheating: true,
    upgradable: false,
    poeBudgetW: null,
    poePorts: [],
    wan: [],
  }
}

function threat(index: number, signature: string, sid: number, action: string): CollectedThreat {
  return {
    origins: ['stat/ips/event'],
    timestampMs: NOW - (index + 1) * 60_000,
    srcIp: '203.0.113.9',
    srcPort: 4444,
    dstIp: '192.168.1.10',
    dstPort: 443,
    protocol: 'tcp',
    signature,
    signatureId: sid,
    category: PAYLOADS[4],
    severity: 1,
    action,
    srcCountry: PAYLOADS[5],
    dstCountry: null,
    direction: 'inbound',
  }
}

function collection(): UnifiCollection {
  const events = PAYLOADS.map((payload, index) =>
    event(index, index % 2 === 0 ? 'EVT_AD_LoginFailed' : 'EVT_AP_Lost_Contact', `Message ${payload}`, `AP ${payload}`),
  )
  events.push(
    event(10, 'EVT_SW_DetectRogueDHCP', `Rogue DHCP ${PAYLOADS[2]}`, `Switch ${PAYLOADS[0]}`),
    event(11, 'EVT_WU_Roam', `Roam ${PAYLOADS[3]}`, `AP ${PAYLOADS[4]}`),
    event(12, `EVT_${PAYLOADS[5]}`, `Unknown ${PAYLOADS[5]}`, `AP ${PAYLOADS[5]}`),
  )
  return {
    controller: {
      kind: 'unifi-os',
      baseUrl: 'https://192.0.2.1',
      version: PAYLOADS[0],
      hostname: PAYLOADS[1],
      tlsFingerprint: null,
      authMethod: 'api-key',
    },
    site: { name: 'default', description: `Head office ${PAYLOADS[2]}` },
    window: { since: NOW - 86_400_000, until: NOW },
    devices: PAYLOADS.map((payload, index) => device(index, `Switch ${payload}`)),
    health: [],
    clientCount: 3,
    events,
    alarms: [],
    threats: PAYLOADS.flatMap((payload, index) => [
      threat(index, `ET SCAN ${payload}`, 2009358, 'alert'),
      threat(index, `ETPRO TROJAN ${payload}`, 2850000 + index, 'block'),
    ]),
    ipsSettings: null,
    sources: {
      events: 'stat/event',
      alarms: 'list/alarm',
      threats: ['stat/ips/event'],
      attempts: [
        { data: 'events', endpoint: 'stat/event', outcome: 'used', detail: PAYLOADS[3], count: 6, truncated: false },
        { data: 'threats', endpoint: 'stat/ips/event', outcome: 'used', detail: null, count: 12, truncated: false },
        { data: 'devices', endpoint: 'stat/device', outcome: 'used', detail: null, count: 6, truncated: false },
      ],
    },
    warnings: [`Warning ${all}`],
  }
}

const wafSection: ReportSection = {
  id: 'integration-cloudflare',
  title: `Cloudflare Security ${PAYLOADS[0]}`,
  tone: 'warning',
  summary: `WAF blocks ${PAYLOADS[1]}`,
  blocks: [
    {
      type: 'table',
      caption: 'Latest blocked requests',
      columns: ['Path', 'User agent', 'Host'],
      rows: PAYLOADS.map((payload) => ({
        cells: [`/wp-login.php?q=${payload}`, `Mozilla/5.0 ${payload}`, `shop.example.com${payload}`],
      })),
    },
    { type: 'facts', items: [{ label: PAYLOADS[2], value: PAYLOADS[3] }] },
    { type: 'list', title: PAYLOADS[4], items: [...PAYLOADS] },
    { type: 'paragraph', text: all, tone: 'error' },
    { type: 'subheading', text: PAYLOADS[5] },
  ],
}

function reportHtml(): string {
  const data = collection()
  const outcomes: IntegrationOutcome[] = [
    {
      id: 'cloudflare',
      displayName: 'Cloudflare',
      durationMs: 5,
      breaker: 'closed',
      status: 'ok',
      section: wafSection,
      data: {},
    },
  ]
  const model = buildReportModel({
    title: `UniFi Report ${PAYLOADS[0]}`,
    timezone: 'UTC',
    generatedAtMs: NOW,
    period: data.window,
    appVersion: PAYLOADS[1],
    demo: true,
    unifi: {
      ok: true,
      collection: data,
      analysis: analyse(data, { thresholds: healthThresholdsSchema.parse({}), now: () => NOW }),
    },
    integrations: integrationSections(outcomes, 'UTC'),
  })
  return renderHtml(model)
}

async function openReport(page: Page, path: string) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(pathToFileURL(path).href)
  await page.waitForLoadState('load')
  // Event handlers of injected elements would run on load or shortly after.
  await page.waitForTimeout(300)
  return dialogs
}

async function expectInert(page: Page, dialogs: string[]) {
  expect(dialogs).toEqual([])
  // Page-side code is passed as text: this project's Node typings have no DOM.
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined')
  const injected = {
    dangerous: await page.locator('script, iframe, object, embed, svg, img, a, form, input, link, base').count(),
    handlers: await page.evaluate(
      '[...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).length',
    ),
    javascriptUrls: await page.locator('[href], [src]').count(),
    detailsOpenByPayload: await page.locator('details[open]').count(),
  }
  expect(injected).toEqual({ dangerous: 0, handlers: 0, javascriptUrls: 0, detailsOpenByPayload: 0 })
  // The payloads are there, as text the reader can see.
  await expect(page.getByText(`[Security] Failed admin login from ${PAYLOADS[0]}`).first()).toBeVisible()
  await expect(page.getByText(`Rogue DHCP ${PAYLOADS[2]}`, { exact: false }).first()).toBeVisible()
  await expect(page.getByText(`EVT_${PAYLOADS[5]}`)).toBeVisible()
  await expect(page.getByRole('cell', { name: `Switch ${PAYLOADS[1]}`, exact: false }).first()).toBeVisible()
  await expect(page.getByText(`/wp-login.php?q=${PAYLOADS[1]}`)).toBeVisible()
  await expect(page.getByText(`Mozilla/5.0 ${PAYLOADS[3]}`)).toBeVisible()
}

test.describe('HTML report with hostile data', () => {
  test('renders every payload as inert text under the report CSP', async ({ page }, testInfo) => {
    const path = testInfo.outputPath('report-xss.html')
    await writeFile(path, reportHtml())
    const dialogs = await openReport(page, path)
    await expectInert(page, dialogs)
    await expect(page.locator('#demo-banner')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('report-xss.png'), fullPage: false })
  })

  test('stays inert with the CSP bypassed, so escaping alone holds', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    try {
      const path = testInfo.outputPath('report-xss-nocsp.html')
      await writeFile(path, reportHtml())
      const dialogs = await openReport(page, path)
      await expectInert(page, dialogs)
    } finally {
      await context.close()
    }
  })

  test('low findings are collapsed and expand in the browser', async ({ page }, testInfo) => {
    const path = testInfo.outputPath('report-details.html')
    await writeFile(path, reportHtml())
    await page.goto(pathToFileURL(path).href)
    const details = page.locator('#findings-low details')
    if ((await details.count()) === 0) test.skip(true, 'the analysis produced no low findings for this data')
    await expect(details).not.toHaveAttribute('open', '')
    await details.locator('summary').click()
    await expect(details).toHaveAttribute('open', '')
  })
})
