/**
 * The summary in each chat service's own shape: Slack Block Kit, a Teams Workflows message carrying an Adaptive
 * Card, Discord embeds, ntfy's JSON publish body, and our generic JSON. Pure: summary in, body out.
 */
import type { WebhookFormat } from '../../shared/settings.js'
import { summaryLines, type DeliverySummary } from './summary.js'

export interface WebhookBody {
  /** Where to POST: the webhook URL itself, except ntfy's JSON publishing, which goes to the server root. */
  url: string
  body: unknown
}

/** Discord embed colours: red, orange, grey, green. */
const COLOURS = { severe: 0xdc3545, medium: 0xfd7e14, low: 0x6c757d, none: 0x28a745 } as const
const NTFY_PRIORITY = { severe: 5, medium: 4, low: 3, none: 2 } as const
const NTFY_TAGS = { severe: 'rotating_light', medium: 'warning', low: 'information_source', none: 'white_check_mark' }

export function webhookBody(format: WebhookFormat, url: string, summary: DeliverySummary): WebhookBody {
  switch (format) {
    case 'slack':
      return { url, body: slackBody(summary) }
    case 'teams':
      return { url, body: teamsBody(summary) }
    case 'discord':
      return { url, body: discordBody(summary) }
    case 'ntfy':
      return ntfyBody(url, summary)
    case 'json':
      return { url, body: jsonBody(summary) }
  }
}

function title(summary: DeliverySummary): string {
  return summary.subject.replace(/^\[[^\]]*\]\s*/, `${summary.product} — `)
}

function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function slackBody(summary: DeliverySummary) {
  const lines = summaryLines(summary)
  const section = (text: string) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: slackText(text).slice(0, 3000) },
  })
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: title(summary).slice(0, 150), emoji: true } },
    section(`*${lines.counts}*${lines.posture ? `\n${lines.posture}` : ''}`),
  ]
  if (lines.actions.length > 0) blocks.push(section(`*Most urgent*\n${lines.actions.map((a) => `• ${a}`).join('\n')}`))
  if (lines.coverage.length > 0)
    blocks.push(section(`*Not fully read*\n${lines.coverage.map((c) => `• ${c}`).join('\n')}`))
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackText(lines.where).slice(0, 3000) }] })
  return { text: title(summary), blocks }
}

function teamsBody(summary: DeliverySummary) {
  const lines = summaryLines(summary)
  const text = (value: string, extra: Record<string, unknown> = {}) => ({
    type: 'TextBlock',
    text: value,
    wrap: true,
    ...extra,
  })
  const body: unknown[] = [
    text(title(summary), { size: 'Large', weight: 'Bolder' }),
    text(lines.counts, { weight: 'Bolder', color: summary.worst === 'severe' ? 'Attention' : 'Default' }),
  ]
  if (lines.posture) body.push(text(lines.posture))
  if (lines.actions.length > 0) {
    body.push(text('Most urgent', { weight: 'Bolder', spacing: 'Medium' }))
    for (const action of lines.actions) body.push(text(`- ${action}`))
  }
  if (lines.coverage.length > 0) {
    body.push(text('Not fully read', { weight: 'Bolder', spacing: 'Medium' }))
    for (const problem of lines.coverage) body.push(text(`- ${problem}`))
  }
  body.push(text(lines.where, { isSubtle: true, size: 'Small' }))
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
        },
      },
    ],
  }
}

function discordBody(summary: DeliverySummary) {
  const lines = summaryLines(summary)
  const fields: { name: string; value: string; inline: boolean }[] = [
    { name: 'Findings', value: lines.counts, inline: false },
  ]
  if (lines.posture) fields.push({ name: 'Posture', value: lines.posture, inline: true })
  if (lines.actions.length > 0)
    fields.push({ name: 'Most urgent', value: lines.actions.join('\n').slice(0, 1024), inline: false })
  if (lines.coverage.length > 0)
    fields.push({ name: 'Not fully read', value: lines.coverage.join('\n').slice(0, 1024), inline: false })
  return {
    embeds: [
      {
        title: title(summary).slice(0, 256),
        color: COLOURS[summary.worst ?? 'none'],
        fields,
        footer: { text: lines.where.slice(0, 2048) },
        timestamp: new Date(Date.parse(summary.generatedAtIso)).toISOString(),
      },
    ],
    allowed_mentions: { parse: [] },
  }
}

/** ntfy's JSON publishing: POST to the server root with the topic in the body (the URL names the topic). */
function ntfyBody(url: string, summary: DeliverySummary): WebhookBody {
  const parsed = new URL(url)
  const segments = parsed.pathname.split('/').filter((part) => part !== '')
  const topic = segments.pop() ?? ''
  parsed.pathname = `/${segments.join('/')}`
  const lines = summaryLines(summary)
  const message = [lines.counts, lines.posture, ...lines.actions.map((a) => `- ${a}`), ...lines.coverage, lines.where]
    .filter((line): line is string => line !== null)
    .join('\n')
  const level = summary.worst ?? 'none'
  return {
    url: parsed.toString(),
    body: {
      topic: decodeURIComponent(topic),
      title: title(summary),
      message,
      priority: NTFY_PRIORITY[level],
      tags: [NTFY_TAGS[level], 'unifi-scanner'],
    },
  }
}

/** The generic format: the summary itself, versioned. */
function jsonBody(summary: DeliverySummary) {
  return {
    schema: 'unifi-scanner.report-summary/1',
    product: summary.product,
    site: summary.site,
    generatedAt: summary.generatedAtIso,
    subject: summary.subject,
    findings: summary.counts,
    worst: summary.worst,
    countsAtLeast: summary.countsAtLeast,
    urgentActions: summary.urgentActions,
    coverageProblems: summary.coverageProblems,
    postureScore: summary.postureScore,
    report: summary.reportFiles,
    ...(summary.test ? { test: true } : {}),
  }
}
