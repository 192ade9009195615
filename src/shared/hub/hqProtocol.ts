/**
 * The HQ page's JSON API (docs/hq.md § API), served by the hub under /v1/hq/*, and the chain token service tills
 * call. The HQ page (src/renderer/hq) and the hub (src/hub/http/hqRoutes.ts) both parse with these schemas.
 * Money is integer fen; times are UTC epoch ms with the store's IANA zone beside them, so the page shows each
 * time on the store's own clock. Errors are codes; the page has the words (src/shared/i18n, `hq.error.*`).
 */
import { z } from 'zod'

export const HQ_PATHS = {
  session: '/v1/hq/session',
  signOut: '/v1/hq/session/end',
  me: '/v1/hq/me',
  day: '/v1/hq/day',
  quiet: '/v1/hq/quiet',
  duplicates: '/v1/hq/duplicates',
  stores: '/v1/hq/stores',
  enrolmentCodes: '/v1/hq/enrolment-codes',
  revokeTill: '/v1/hq/tills/revoke',
  exportCsv: '/v1/hq/export/day.csv',
  exportXlsx: '/v1/hq/export/day.xlsx',
  /** 200 when this hub process and its database answer, else 503 (load balancers, monitoring). */
  ready: '/v1/ready',
  /** The chain token service (src/main/upstream/README.md § The token service protocol): bearer = till token. */
  wechatToken: '/v1/wechat/token'
} as const

/** The page itself: GET /hq (and its assets under /hq/assets/). */
export const HQ_PAGE_PATH = '/hq'
export const HQ_SESSION_COOKIE = 'hx_hq'

export const HQ_ERROR_CODES = [
  'SIGNED_OUT', // no session, or it ended (expired, idle, signed out): sign in again
  'SIGNIN_FAILED', // wrong login or password (never says which)
  'LOCKED', // too many wrong passwords: wait until details.lockedUntil
  'FORBIDDEN', // the role may not do this (a regional viewer enrolling, or another region's store)
  'BAD_REQUEST',
  'NOT_FOUND',
  'STORE_EXISTS',
  'STORE_UNKNOWN',
  'TILL_UNKNOWN',
  'TOKEN_NOT_CONFIGURED', // the hub has no AppSecret file
  'INTERNAL'
] as const
export type HqErrorCode = (typeof HQ_ERROR_CODES)[number]

export interface HqError {
  code: HqErrorCode
  message: string
  details?: { lockedUntil?: number }
}

export type HqReply<T> = { ok: true; value: T } | { ok: false; error: HqError }

export const HQ_ROLES = ['hq_admin', 'regional_viewer'] as const
export type HqRole = (typeof HQ_ROLES)[number]

export const businessDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar date'
  )

const idSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, '1-64 letters, digits or . _ : -')

export const signInRequestSchema = z.object({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(256)
})
export type SignInRequest = z.infer<typeof signInRequestSchema>

export interface HqUserView {
  login: string
  name: string
  role: HqRole
  region: string
}

export const dayQuerySchema = z.object({
  date: businessDateSchema,
  store: idSchema.optional(),
  lang: z.enum(['zh-CN', 'en']).optional()
})
export type DayQuery = z.infer<typeof dayQuerySchema>

export interface Tally {
  count: number
  amountFen: number
  /** Voided after redemption: listed apart, never in count/amountFen. */
  voided: number
}

export interface DayView {
  date: string
  storeId: string | null
  totals: Tally
  stores: (Tally & { storeId: string; name: string; region: string; timeZone: string })[]
  tills: (Tally & { tillId: string; tillName: string; storeId: string; storeName: string })[]
  cards: (Tally & { cardId: string; cardTitle: string })[]
  /** Hour 0-23 on each store's own clock (a Shanghai 10:00 and an Urumqi 10:00 are both hour 10). */
  hours: (Tally & { hour: number })[]
}

export const quietQuerySchema = z.object({
  /**
   * A store is quiet when none of its tills sent anything for this many minutes. Absent: the hub's own setting
   * (`--quiet-after-minutes`, default 60; docs/hq.md).
   */
  minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional()
})

export interface QuietTill {
  tillId: string
  name: string
  lastEventAt: number | null
  lastSeenAt: number | null
  queueDepth: number | null
  revoked: boolean
}

export interface StoreHealth {
  storeId: string
  name: string
  region: string
  timeZone: string
  /** The latest event of any of its tills; null: never heard from. */
  lastEventAt: number | null
  lastSeenAt: number | null
  /** The sum of its tills' reported queue depths (events waiting on the tills). */
  queueDepth: number
  quiet: boolean
  tills: QuietTill[]
}

export interface QuietView {
  /** The threshold of this answer (the page's choice, else the hub's). */
  minutes: number
  /** The hub's setting (`--quiet-after-minutes`); may be a fraction of a minute (a demo, a test). */
  hubMinutes: number
  checkedAt: number
  stores: StoreHealth[]
}

export const duplicatesQuerySchema = z.object({ date: businessDateSchema.optional() })

export interface RedemptionStory {
  redemptionId: string
  storeId: string
  storeName: string
  timeZone: string
  tillId: string
  tillName: string
  cashierName: string
  at: number
  amountFen: number | null
  status: string | null
  businessDate: string | null
}

export interface DuplicateView {
  id: number
  cardId: string
  cardTitle: string
  /** The code with its middle hidden: HQ recognises it, a screenshot does not leak it. */
  codeMasked: string
  foundAt: number
  first: RedemptionStory
  second: RedemptionStory
}

export interface StoreView {
  storeId: string
  name: string
  region: string
  timeZone: string
  tills: {
    tillId: string
    name: string
    enrolledAt: number
    revokedAt: number | null
    lastEventAt: number | null
  }[]
  /** Enrolment codes made and not used yet (never the code itself: only its expiry). */
  openCodes: { createdAt: number; expiresAt: number }[]
}

export const newStoreSchema = z.object({
  storeId: idSchema,
  name: z.string().trim().min(1).max(80),
  region: z.string().trim().max(40).default(''),
  timeZone: z
    .string()
    .min(1)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai')
})
export type NewStore = z.infer<typeof newStoreSchema>

export const enrolmentCodeRequestSchema = z.object({ storeId: idSchema })
export interface EnrolmentCodeView {
  storeId: string
  /** Shown once; the hub keeps only its SHA-256. */
  code: string
  expiresAt: number
}

export const revokeTillSchema = z.object({ tillId: idSchema })

/** What GET /v1/wechat/token answers (the shape the station's TokenServiceTokens reads). */
export interface TokenGrant {
  access_token: string
  expires_in: number
}

/** The middle of a coupon code hidden: 012345678905 → 0123****8905. */
export function maskCode(code: string): string {
  if (code.length <= 6) return `${code.slice(0, 1)}****`
  return `${code.slice(0, 4)}****${code.slice(-4)}`
}
