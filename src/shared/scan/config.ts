import { z } from 'zod'

/**
 * How scans from one device are cleaned up. Defaults fit WeChat card codes (12 digits today, string(20) in
 * the API), so an unconfigured device is strict rather than permissive.
 */
export const normalizerConfigSchema = z.object({
  /** Configured scanner prefix, removed when present (a missing prefix is not an error). */
  prefix: z.string().max(32, { error: 'Prefix is at most 32 characters' }).default(''),
  suffix: z.string().max(32, { error: 'Suffix is at most 32 characters' }).default(''),
  /** Remove a leading AIM symbology identifier such as ]Q1 or ]E0; codes never start with ']'. */
  stripAimId: z.boolean().default(true),
  maxLength: z
    .number()
    .int()
    .min(1, { error: 'Max code length must be at least 1' })
    .max(64, { error: 'Max code length is at most 64' })
    .default(20),
  maxEncryptCodeLength: z.number().int().min(24).max(1024).default(512),
  maxUrlLength: z.number().int().min(64).max(8192).default(2048)
})

export type NormalizerConfig = z.output<typeof normalizerConfigSchema>
export type NormalizerConfigInput = z.input<typeof normalizerConfigSchema>

export const DEFAULT_NORMALIZER_CONFIG: NormalizerConfig = Object.freeze(normalizerConfigSchema.parse({}))
