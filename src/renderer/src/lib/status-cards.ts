/**
 * Applies one pushed integration card to the app status the window holds: main forwards only the card that
 * changed (`integration:changed`), so the other cards — and the rest of the status — stay as they were.
 */
import type { AppStatus, IntegrationStatus } from '../../../shared/ipc/payloads.js'

export function withCard(status: AppStatus, card: IntegrationStatus): AppStatus {
  const cards = status.integrations ?? []
  const index = cards.findIndex((existing) => existing.id === card.id)
  // Pushes of one card arrive in order, but a full status read can overtake them: never step back in time.
  if (index >= 0 && (cards[index]?.updatedAt ?? 0) > card.updatedAt) return status
  const integrations = index >= 0 ? cards.map((existing, i) => (i === index ? card : existing)) : [...cards, card]
  return { ...status, integrations }
}
