/**
 * Station set-up: the settings a manager enters in the wizard (or the Settings page), validated the
 * same way in main (IPC) and in the renderer (form). Secrets are write-only: the renderer sends a new
 * AppSecret / station key, and only ever gets back whether one is set.
 */
import { z } from 'zod'
import { rulesPolicySchema, type RulesPolicy } from './rules'
import { isValidTimeZone } from './time'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** https everywhere; plain http only to this machine (the sandbox server in tests and training). */
export function isAllowedUpstreamUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
}

const upstreamUrl = (field: string) =>
  z
    .string({ error: `${field} must be a URL` })
    .trim()
    .max(500, { error: `${field} must be at most 500 characters` })
    .refine(isAllowedUpstreamUrl, {
      error: `${field} must be an https:// URL (http:// is allowed only for 127.0.0.1 or localhost)`
    })

/** 'HH:mm' or minutes after midnight → minutes after midnight (0..1439). */
const CUTOFF_ERROR = "cutoff must be minutes after midnight (0–1439) or a time written 'HH:mm' (00:00–23:59)"

export const cutoffSchema = z.union(
  [
    z
      .number()
      .int({ error: CUTOFF_ERROR })
      .min(0, { error: CUTOFF_ERROR })
      .max(1439, { error: CUTOFF_ERROR }),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: CUTOFF_ERROR })
      .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)))
  ],
  { error: CUTOFF_ERROR }
)

export const minutesToHhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

export const storeSettingsSchema = z
  .object({
    storeName: z
      .string({ error: 'storeName must be text' })
      .trim()
      .min(1, { error: 'storeName must not be empty' })
      .max(60, { error: 'storeName must be at most 60 characters' }),
    /** WeChat POI id of the store (门店 ID); optional until the merchant has one. */
    storeLocationId: z
      .number({ error: 'storeLocationId must be a number (the WeChat POI id)' })
      .int({ error: 'storeLocationId must be a whole number' })
      .positive({ error: 'storeLocationId must be a positive number' })
      .max(Number.MAX_SAFE_INTEGER)
      .nullable(),
    stationName: z
      .string({ error: 'stationName must be text' })
      .trim()
      .min(1, { error: 'stationName must not be empty' })
      .max(40, { error: 'stationName must be at most 40 characters' }),
    timeZone: z
      .string({ error: 'timeZone must be text' })
      .refine(isValidTimeZone, { error: 'timeZone must be a known IANA time zone, e.g. Asia/Shanghai' }),
    cutoff: cutoffSchema
  })
  .strict()

/** Real AppIDs are wx + 16 hex digits; the training sandbox's is shorter, so 14–16 letters or digits pass. */
const appId = z
  .string({ error: 'appId must be text' })
  .trim()
  .regex(/^wx[0-9a-zA-Z]{14,16}$/, {
    error: "appId must be 'wx' followed by 16 letters or digits, e.g. wx1234567890abcdef"
  })

const secretText = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(200, { error: `${field} must be at most 200 characters` })

/**
 * What the renderer sends. A secret left out keeps the stored one (the form never has it to send back).
 */
export const upstreamInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('training') }).strict(),
    z
      .object({
        kind: z.literal('wechat'),
        baseUrl: upstreamUrl('baseUrl').optional(),
        appId,
        appSecret: secretText('appSecret').optional()
      })
      .strict(),
    z
      .object({
        kind: z.literal('tokenService'),
        url: upstreamUrl('url'),
        stationKey: secretText('stationKey').optional()
      })
      .strict()
  ],
  { error: "upstream.kind must be 'training', 'wechat' or 'tokenService'" }
)
export type UpstreamInput = z.input<typeof upstreamInputSchema>
export type UpstreamSettingsInput = z.output<typeof upstreamInputSchema>

export const setupInputSchema = z
  .object({
    store: storeSettingsSchema,
    upstream: upstreamInputSchema,
    policy: rulesPolicySchema
  })
  .strict()
export type SetupInput = z.input<typeof setupInputSchema>
export type ParsedSetupInput = z.output<typeof setupInputSchema>

export interface SecretState {
  set: boolean
}

export type UpstreamView =
  | { kind: 'training' }
  | { kind: 'wechat'; baseUrl: string | null; appId: string; appSecret: SecretState }
  | { kind: 'tokenService'; url: string; stationKey: SecretState }

export interface StoreSettingsView {
  storeName: string
  storeLocationId: number | null
  stationName: string
  timeZone: string
  cutoffMinutes: number
}

export interface SetupView {
  mode: 'training' | 'live'
  /** true until a manager has saved set-up once. */
  firstRun: boolean
  store: StoreSettingsView
  upstream: UpstreamView
  policy: RulesPolicy
  /** false when secrets are kept in a plain file (Node host, or no OS keychain). */
  secretsEncrypted: boolean
}

/**
 * Why a connection test failed, as a code; its words are the catalogue's `connectionTest.<OUTCOME>`
 * (docs/wechat-api.md §1, §10). REFUSED carries the errcode, whose words are `wechat.errcode.<n>`.
 */
export const CONNECTION_TEST_OUTCOMES = [
  'BAD_APP_ID',
  'BAD_APP_SECRET',
  'IP_NOT_WHITELISTED',
  'NO_CARD_PERMISSION',
  'TIMEOUT',
  'NETWORK',
  'REFUSED',
  'FAILED',
  'UNREACHABLE'
] as const
export type ConnectionTestOutcome = (typeof CONNECTION_TEST_OUTCOMES)[number]

export type ConnectionTestResult =
  | { ok: true; cardCount: number; titles: string[] }
  | { ok: false; outcome: ConnectionTestOutcome; errcode: number | null; kind: string }

export interface GoLiveResult {
  mode: 'live'
  restartRequired: true
  /** The desktop app restarts itself a few seconds after answering; the Node host must be restarted. */
  restartsItself: boolean
}

/** card/get titles shown by the connection test at most. */
export const CONNECTION_TEST_MAX_CARDS = 50
