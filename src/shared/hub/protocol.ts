/**
 * The store hub's wire protocol (docs/hub.md § Wire protocol): request and response schemas shared by the hub
 * (src/hub) and the tills that talk to it over HTTP and WebSocket. Both sides parse with these schemas, so a
 * renamed field breaks the typecheck on both sides. Environment-free like the rest of src/shared.
 *
 * Every HTTP answer is an envelope carrying the hub's epoch (a random id made when its database was created) and
 * the hub's clock: a till that sees a new epoch knows the hub lost its data and republishes (docs/hub.md § Epoch).
 */
import { z } from 'zod'

export const HUB_PROTOCOL_VERSION = 1

/** Paths, all under /v1. The claim transitions and the feed take the bearer token of a paired till. */
export const HUB_PATHS = {
  health: '/v1/health',
  pair: '/v1/pair',
  claims: '/v1/claims',
  transition: '/v1/claims/transition',
  batch: '/v1/claims/batch',
  republish: '/v1/republish',
  feed: '/v1/feed',
  policy: '/v1/policy',
  adminPairingCodes: '/v1/admin/pairing-codes',
  adminRevoke: '/v1/admin/tills/revoke',
  adminTills: '/v1/admin/tills'
} as const

/** Headers a till sends besides `Authorization: Bearer <token>`: which store it believes it belongs to. */
export const HUB_STORE_HEADER = 'x-hexiao-store'
/** Every answer (errors included) repeats the epoch in this header, so even a refused request reveals a new hub. */
export const HUB_EPOCH_HEADER = 'x-hexiao-hub-epoch'

export const HUB_ERROR_CODES = [
  'BAD_JSON', // the body is not JSON
  'BAD_REQUEST', // the JSON does not match the schema (details: the issues)
  'UNSUPPORTED_MEDIA_TYPE', // not application/json
  'BODY_TOO_LARGE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'TOKEN_MISSING', // no bearer token
  'TOKEN_UNKNOWN', // a token this hub never issued (or issued by a hub whose data was lost: see the epoch)
  'TOKEN_REVOKED',
  'STORE_MISMATCH', // the till belongs to another store
  'STORE_MISSING', // no store header
  'TILL_MISMATCH', // the till named in the body is not the till of the token
  'NOT_HOLDER', // a transition asked by a till that does not hold the claim
  'PAIRING_CODE_INVALID', // wrong, used or expired code
  'PAIRING_LOCKED', // too many wrong codes: wait
  'REDEMPTION_ID_REUSED', // the redemption id already claims another coupon
  'CLAIM_CLOSED', // the redemption was released or voided: it cannot claim again
  'CLAIM_UNKNOWN', // a transition for a redemption the hub does not know
  'INVALID_TRANSITION', // e.g. release after complete
  'ADMIN_TOKEN_INVALID',
  'POLICY_STALE', // a policy change based on an older version than the hub's: read it again, then decide
  'INTERNAL'
] as const
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number]

export interface HubError {
  code: HubErrorCode
  message: string
  details?: unknown
}

export type HubResponse<T> =
  | { ok: true; epoch: string; hubAt: number; value: T }
  | { ok: false; epoch: string; hubAt: number; error: HubError }

export const hubErrorSchema = z.object({
  code: z.enum(HUB_ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional()
})

/** Parses any envelope; `value` is checked by the caller with the response schema of the path. */
export const hubEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), epoch: z.string(), hubAt: z.number().int(), value: z.unknown() }),
  z.object({ ok: z.literal(false), epoch: z.string(), hubAt: z.number().int(), error: hubErrorSchema })
])

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** A store id or till id: short, printable, no spaces (they appear in logs and headers). */
export const hubIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')
/** UTC epoch milliseconds, from 2020 to 2100: a value outside is a broken clock or a unit mix-up (seconds). */
export const epochMsSchema = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000)
export const fenSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const cashierSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(64)
})
export type HubCashier = z.infer<typeof cashierSchema>

/** The claim status at the hub: `held` until the till commits (`completed`); `released` and `voided` free the code. */
export const CLAIM_STATUSES = ['held', 'completed', 'released', 'voided'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const claimRecordSchema = z.object({
  redemptionId: z.string(),
  cardId: z.string(),
  code: z.string(),
  till: z.string(),
  tillName: z.string(),
  cashier: cashierSchema,
  amountFen: z.number().int(),
  /** The till's clock when it claimed. */
  tillAt: z.number().int(),
  /** The hub's clock when the claim arrived: a skewed till clock never reorders the store's story. */
  hubAt: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  /**
   * Feed sequence number of the claim's latest numbered event. Events are numbered right after their commit
   * (docs/hub.md § Feed), so the answer to the request that wrote one carries the previous number (0 for a fresh
   * claim); the feed brings the new number.
   */
  seq: z.number().int()
})
export type ClaimRecord = z.infer<typeof claimRecordSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/pair — no bearer token: the pairing code is the credential.

export const pairRequestSchema = z.strictObject({
  pairingCode: z.string().min(4).max(32),
  storeId: hubIdSchema,
  tillId: hubIdSchema,
  tillName: z.string().min(1).max(64)
})
export type PairRequest = z.infer<typeof pairRequestSchema>

export const pairResponseSchema = z.object({
  storeId: z.string(),
  tillId: z.string(),
  /** The till's own credential. Shown once; the hub keeps only its hash. Keep it out of any renderer. */
  token: z.string()
})
export type PairResponse = z.infer<typeof pairResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/claims — first claim of (card, code) wins.

/**
 * The card id a till sends for a PLAIN WeChat code (docs/hub.md § Claims, the key). A plain code is unique across
 * the account whatever card it belongs to, so its claim key must not depend on the card a till believes it is
 * (an offline pick may name another): every plain code is claimed under this one id, and two tills naming
 * different cards for one plain code meet at the same key. Custom codes are unique only within their card and
 * are claimed under their real card id. Never a real WeChat card id (those are 28 characters of letters, digits,
 * - and _).
 */
export const PLAIN_CODE_CARD_ID = '*'

export const claimRequestSchema = z.strictObject({
  redemptionId: z.uuid(),
  cardId: z.string().min(1).max(128),
  code: z.string().min(1).max(128),
  /** Must be the till of the token. */
  till: hubIdSchema,
  cashier: cashierSchema,
  amountFen: fenSchema,
  /** The till's clock at the claim. */
  at: epochMsSchema
})
export type ClaimRequest = z.infer<typeof claimRequestSchema>

export const claimHolderSchema = z.object({
  redemptionId: z.string(),
  till: z.string(),
  tillName: z.string(),
  cashier: cashierSchema,
  tillAt: z.number().int(),
  hubAt: z.number().int(),
  status: z.enum(CLAIM_STATUSES)
})
export type ClaimHolder = z.infer<typeof claimHolderSchema>

export const claimResponseSchema = z.discriminatedUnion('outcome', [
  /** `repeat`: this redemption id already held the code (a retry): nothing changed. */
  z.object({ outcome: z.literal('granted'), repeat: z.boolean(), claim: claimRecordSchema }),
  /** Another redemption holds the code: the counter shows DUPLICATE naming the holder. Nothing changed. */
  z.object({ outcome: z.literal('duplicate'), holder: claimHolderSchema })
])
export type ClaimResponse = z.infer<typeof claimResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/claims/transition — complete (the till committed), release (it did not), void (a manager voided it).

export const TRANSITION_TARGETS = ['completed', 'released', 'voided'] as const
export const transitionRequestSchema = z.strictObject({
  redemptionId: z.uuid(),
  till: hubIdSchema,
  to: z.enum(TRANSITION_TARGETS),
  at: epochMsSchema
})
export type TransitionRequest = z.infer<typeof transitionRequestSchema>

export const transitionResponseSchema = z.object({
  /** false when the claim was already in that status (a replay): nothing changed. */
  changed: z.boolean(),
  claim: claimRecordSchema
})
export type TransitionResponse = z.infer<typeof transitionResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/claims/batch — a till's queue in one request and one hub transaction (docs/hub.md § Batch).

export const CLAIM_BATCH_MAX = 500
export const batchItemSchema = z.discriminatedUnion('op', [
  claimRequestSchema.extend({ op: z.literal('claim') }),
  transitionRequestSchema.extend({ op: z.literal('transition') })
])
export type BatchItem = z.infer<typeof batchItemSchema>
export const batchRequestSchema = z.strictObject({
  items: z.array(batchItemSchema).min(1).max(CLAIM_BATCH_MAX)
})
export type BatchRequest = z.infer<typeof batchRequestSchema>

/** One result per item, in the order of the items; each is what the single request would have answered. */
export const batchResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('granted'),
    redemptionId: z.string(),
    repeat: z.boolean(),
    claim: claimRecordSchema
  }),
  z.object({ outcome: z.literal('duplicate'), redemptionId: z.string(), holder: claimHolderSchema }),
  z.object({
    outcome: z.literal('transition'),
    redemptionId: z.string(),
    changed: z.boolean(),
    claim: claimRecordSchema
  }),
  /** The single request would have been refused with this error (CLAIM_CLOSED, NOT_HOLDER, …): nothing changed. */
  z.object({ outcome: z.literal('refused'), redemptionId: z.string(), error: hubErrorSchema })
])
export type BatchResult = z.infer<typeof batchResultSchema>
export const batchResponseSchema = z.object({ results: z.array(batchResultSchema) })
export type BatchResponse = z.infer<typeof batchResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// GET /v1/claims?after=<seq>&limit=<n> — catch-up; the WebSocket feed pushes the same events.

export const FEED_PAGE_MAX = 500
export const feedQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(FEED_PAGE_MAX).default(FEED_PAGE_MAX)
})

export const CLAIM_EVENT_KINDS = ['claimed', 'completed', 'released', 'voided'] as const
/** One change of one claim. Self-contained, so a till's mirror applies it without asking anything else. */
export const claimEventSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(CLAIM_EVENT_KINDS),
  redemptionId: z.string(),
  cardId: z.string(),
  code: z.string(),
  till: z.string(),
  tillName: z.string(),
  cashier: cashierSchema,
  amountFen: z.number().int(),
  /** The till clock of this change. */
  tillAt: z.number().int(),
  /** The hub clock of this change. */
  hubAt: z.number().int()
})
export type ClaimEvent = z.infer<typeof claimEventSchema>

export const feedPageSchema = z.object({
  events: z.array(claimEventSchema),
  /** The newest sequence number at the hub when the page was read; `more` says another page follows. */
  lastSeq: z.number().int(),
  more: z.boolean()
})
export type FeedPage = z.infer<typeof feedPageSchema>

// ---------------------------------------------------------------------------------------------------------------
// GET/POST /v1/policy — the store's policy for degraded mode (docs/hub.md § Store policy), pushed in the feed.

/**
 * The largest discount (fen) a till may accept without checking with the store while the hub does not answer.
 * null: no limit (every unchecked redemption the till's own rules allow is accepted); 0: none at all.
 * `version` 0 is the policy of a store nobody has set yet (no limit, as before the policy existed).
 */
export const storePolicySchema = z.object({
  unverifiedLimitFen: fenSchema.nullable(),
  version: z.number().int().min(0),
  setAt: z.number().int().nullable(),
  setByTillName: z.string().nullable(),
  setByName: z.string().nullable()
})
export type StorePolicy = z.infer<typeof storePolicySchema>

export const setPolicyRequestSchema = z.strictObject({
  /** Must be the till of the token. */
  till: hubIdSchema,
  unverifiedLimitFen: fenSchema.nullable(),
  /** The manager who set it at that till (for the record). */
  by: cashierSchema,
  /** The version the manager saw: a change based on an older one is refused (POLICY_STALE), never merged. */
  baseVersion: z.number().int().min(0),
  at: epochMsSchema
})
export type SetPolicyRequest = z.infer<typeof setPolicyRequestSchema>

/** WebSocket frames, hub → till (GET /v1/feed?after=<seq>, same headers as any request). */
export const feedFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    epoch: z.string(),
    hubAt: z.number().int(),
    storeId: z.string(),
    lastSeq: z.number().int(),
    /** The store's policy as it stands (absent from a hub older than the policy). */
    policy: storePolicySchema.optional()
  }),
  /** Events in sequence order, never with a gap after the `after` the till asked for. */
  z.object({ type: z.literal('events'), events: z.array(claimEventSchema) }),
  /** The store's policy changed (a manager set it at some till): every connected till gets it at once. */
  z.object({ type: z.literal('policy'), policy: storePolicySchema })
])
export type FeedFrame = z.infer<typeof feedFrameSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/republish — after a new epoch, a till sends its claims again (idempotent; collisions reported).

export const REPUBLISH_BATCH_MAX = 500
export const republishItemSchema = claimRequestSchema.extend({
  status: z.enum(['held', 'completed'])
})
export type RepublishItem = z.infer<typeof republishItemSchema>
export const republishRequestSchema = z.strictObject({
  claims: z.array(republishItemSchema).min(1).max(REPUBLISH_BATCH_MAX)
})
export type RepublishRequest = z.infer<typeof republishRequestSchema>

export const republishResultSchema = z.discriminatedUnion('outcome', [
  /** New at this hub. */
  z.object({ outcome: z.literal('inserted'), redemptionId: z.string(), seq: z.number().int() }),
  /** Already there (a repeat): unchanged, or moved from held to completed. */
  z.object({ outcome: z.literal('present'), redemptionId: z.string(), status: z.enum(CLAIM_STATUSES) }),
  /** Another redemption holds the code: reported, never merged. */
  z.object({ outcome: z.literal('collision'), redemptionId: z.string(), holder: claimHolderSchema }),
  /** Refused (REDEMPTION_ID_REUSED, CLAIM_CLOSED, TILL_MISMATCH): nothing changed for this item. */
  z.object({ outcome: z.literal('refused'), redemptionId: z.string(), error: hubErrorSchema })
])
export type RepublishResult = z.infer<typeof republishResultSchema>
export const republishResponseSchema = z.object({ results: z.array(republishResultSchema) })
export type RepublishResponse = z.infer<typeof republishResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// Admin (bearer: the admin token from the hub's data directory; for the station that runs the hub).

export const pairingCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.number().int() })
export type PairingCodeResponse = z.infer<typeof pairingCodeResponseSchema>
export const revokeRequestSchema = z.strictObject({ tillId: hubIdSchema })
export const tillInfoSchema = z.object({
  tillId: z.string(),
  name: z.string(),
  pairedAt: z.number().int(),
  revokedAt: z.number().int().nullable()
})
export const tillsResponseSchema = z.object({
  storeId: z.string().nullable(),
  tills: z.array(tillInfoSchema)
})

export const healthResponseSchema = z.object({ protocol: z.number().int(), storeId: z.string().nullable() })

/** The mDNS service type a hub listening beyond loopback advertises (`_hexiao-hub._tcp`); only a hint to tills. */
export const HUB_MDNS_TYPE = 'hexiao-hub'
