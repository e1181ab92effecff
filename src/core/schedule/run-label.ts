/** How the tray and the editor name a slot: "Thu 4 Dec 07:00" in the schedule's timezone. */
import { zonedParts } from '../time.js'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function runLabel(ms: number, timezone: string): string {
  const parts = zonedParts(ms, timezone)
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${DAYS[weekday]} ${parts.day} ${MONTHS[parts.month - 1]} ${pad(parts.hour)}:${pad(parts.minute)}`
}
