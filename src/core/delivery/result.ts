/** One line of `report --json`'s `delivery` array, and what the tray's status shows per channel. */
import { z } from 'zod'

export const deliveryResultSchema = z
  .object({
    channel: z.string(),
    status: z.enum(['sent', 'failed', 'skipped', 'not-configured']),
    breaker: z.enum(['closed', 'open', 'half-open']),
    /** A report that failed to go out at an earlier run, sent (or tried) now. */
    late: z.boolean(),
    message: z.string().nullable(),
  })
  .strict()
export type DeliveryResult = z.infer<typeof deliveryResultSchema>
