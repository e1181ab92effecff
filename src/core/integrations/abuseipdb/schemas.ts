/**
 * AbuseIPDB API v2 answers, validated at the boundary. `check` answers `{data:{…}}`; failures answer
 * `{errors:[{detail,status,source?}]}`. Fields AbuseIPDB may leave out or send as null are optional here: one
 * odd record must not cost the whole look-up.
 */
import { z } from 'zod'

const text = z.string().max(4096)

export const checkDataSchema = z.object({
  ipAddress: text,
  isPublic: z.boolean().nullish(),
  ipVersion: z.number().nullish(),
  isWhitelisted: z.boolean().nullish(),
  abuseConfidenceScore: z.number().min(0).max(100),
  countryCode: text.nullish(),
  usageType: text.nullish(),
  isp: text.nullish(),
  domain: text.nullish(),
  hostnames: z.array(text).max(100).nullish(),
  isTor: z.boolean().nullish(),
  totalReports: z.number().int().min(0).nullish(),
  numDistinctUsers: z.number().int().min(0).nullish(),
  lastReportedAt: text.nullish(),
})

export const checkEnvelopeSchema = z.object({ data: checkDataSchema })

export const errorEnvelopeSchema = z.object({
  errors: z
    .array(
      z.object({
        detail: text.optional(),
        status: z.union([z.number(), text]).optional(),
      }),
    )
    .max(20),
})

export type CheckData = z.infer<typeof checkDataSchema>
