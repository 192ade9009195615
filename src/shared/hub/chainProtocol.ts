/**
 * The chain lane's wire protocol (docs/chain.md § Protocol): what a till sends to the chain hub at headquarters,
 * directly or through its store hub (which forwards the same requests unchanged), and what comes back. Shared by
 * the hub (src/hub/chain, src/hub/http/chainRoutes.ts) and the till (src/main/chainLink), so a renamed field breaks
 * the typecheck on both sides.
 *
 * The envelope is the store hub's (`{ok, epoch, hubAt, value | error}`), with the chain's own error codes.
 */
import { z } from 'zod'
import { epochMsSchema, fenSchema, hubIdSchema } from './protocol'

export const CHAIN_PATHS = {
  events: '/v1/events',
  enrol: '/v1/enrol',
  /** Admin (the hub's admin token): create or rename a store, make an enrolment code, revoke a till. */
  adminStores: '/v1/admin/chain/stores',
  adminEnrolmentCodes: '/v1/admin/chain/enrolment-codes',
  adminRevoke: '/v1/admin/chain/tills/revoke',
  /**
   * The online pre-check (docs/chain.md § Claims before committing): a till claims a coupon chain-wide before it
   * commits, and releases a claim it did not commit. Not under /v1/claims: that is the store hub's path.
   */
  claims: '/v1/chain/claims',
  claimRelease: '/v1/chain/claims/release'
} as const

/** At most this many events per POST /v1/events; the till sends them in sequence order. */
export const CHAIN_BATCH_MAX = 500
/** At most this many duplicates come back in one answer; the rest come with the next ones. */
export const CHAIN_DUPLICATES_MAX = 100

export const CHAIN_ERROR_CODES = [
  'BAD_JSON',
  'BAD_REQUEST', // details: the schema issues
  'BAD_ENCODING', // content-encoding other than gzip/identity, or a body that does not gunzip
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'TOKEN_MISSING',
  'TOKEN_UNKNOWN', // not a credential this chain hub issued
  'TOKEN_REVOKED', // HQ revoked this till: enrol again with a new code
  'STORE_MISSING',
  'STORE_MISMATCH', // the store header is not the till's store
  'TILL_MISMATCH', // the body names another till than the token's
  'BATCH_NOT_CONTIGUOUS', // the events of one batch are not seq, seq+1, … : nothing stored
  'SEQ_CONFLICT', // a seq (or event id) the hub holds with another event: the till's lane was rebuilt; nothing stored
  'ENROLMENT_CODE_INVALID', // wrong, used or expired
  'ENROLMENT_LOCKED', // too many wrong codes from this address or for this store: wait Retry-After (seconds)
  'TILL_ID_TAKEN', // a till of another store already has this id
  'STORE_UNKNOWN', // an enrolment code for a store that is not in chain_stores
  'BUSY', // too many batches at once: retry after the Retry-After header (seconds), with jitter
  'UPSTREAM_UNREACHABLE', // a store hub could not reach the chain hub it forwards to
  'ADMIN_TOKEN_INVALID',
  'REDEMPTION_ID_REUSED', // a claim whose redemption id already claims another coupon
  'INTERNAL'
] as const
export type ChainErrorCode = (typeof CHAIN_ERROR_CODES)[number]

export const chainErrorSchema = z.object({
  code: z.enum(CHAIN_ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional()
})
export type ChainError = z.infer<typeof chainErrorSchema>

export const chainEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), epoch: z.string(), hubAt: z.number().int(), value: z.unknown() }),
  z.object({ ok: z.literal(false), epoch: z.string(), hubAt: z.number().int(), error: chainErrorSchema })
])

// ---------------------------------------------------------------------------------------------------------------
// Events

/** Any 8-4-4-4-12 hex id (redemption ids are UUIDv7, event ids UUIDv4). */
const uuidSchema = z.guid()
/** A store-local calendar date, as the till's store profile made it (business dates come from the till). */
export const businessDateSchema = z.iso.date()

export const LEDGER_STATUSES = ['pending', 'synced', 'conflict', 'rejected', 'voided'] as const

const redeemedBody = z.strictObject({
  redemptionId: uuidSchema,
  /** '' when the till redeemed offline without knowing the card. */
  cardId: z.string().max(64),
  /** A custom code is unique only within its card; a plain WeChat code is unique in the account. */
  customCode: z.boolean(),
  code: z.string().min(1).max(64),
  cardTitle: z.string().max(200),
  cashierId: z.string().min(1).max(64),
  cashierName: z.string().min(1).max(64),
  amountFen: fenSchema,
  billFen: fenSchema.nullable(),
  redeemedAt: epochMsSchema,
  status: z.enum(LEDGER_STATUSES)
})
const statusBody = z.strictObject({ redemptionId: uuidSchema, reason: z.string().max(500).nullable() })
const resolvedBody = z.strictObject({
  redemptionId: uuidSchema,
  outcome: z.enum(['collected', 'written_off', 'other'])
})
const dayClosedBody = z.strictObject({
  number: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The Z report's canonical body as the till signed it off (src/main/reports/zReport.ts). */
  report: z.unknown()
})

const eventBase = {
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  eventId: uuidSchema,
  /** The till's clock: shown, never used for order (order is seq). */
  tillAt: epochMsSchema,
  businessDate: businessDateSchema
}

export const CHAIN_EVENT_KINDS = [
  'redeemed',
  'synced',
  'conflict',
  'rejected',
  'voided',
  'resolved',
  'day_closed'
] as const
export type ChainEventKind = (typeof CHAIN_EVENT_KINDS)[number]

export const chainEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...eventBase, kind: z.literal('redeemed'), body: redeemedBody }),
  z.strictObject({ ...eventBase, kind: z.literal('synced'), body: statusBody }),
  z.strictObject({ ...eventBase, kind: z.literal('conflict'), body: statusBody }),
  z.strictObject({ ...eventBase, kind: z.literal('rejected'), body: statusBody }),
  z.strictObject({ ...eventBase, kind: z.literal('voided'), body: statusBody }),
  z.strictObject({ ...eventBase, kind: z.literal('resolved'), body: resolvedBody }),
  z.strictObject({ ...eventBase, kind: z.literal('day_closed'), body: dayClosedBody })
])
export type ChainEvent = z.infer<typeof chainEventSchema>
export type RedeemedBody = z.infer<typeof redeemedBody>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/events — bearer token of an enrolled till, the store header; body JSON, gzip allowed.

export const eventsRequestSchema = z.strictObject({
  tillId: hubIdSchema,
  /** Events still waiting on the till after this batch (HQ's "stores not heard from" shows it). */
  queueDepth: z.number().int().min(0),
  /** In sequence order, contiguous; may be empty (a poll for duplicates). */
  events: z.array(chainEventSchema).max(CHAIN_BATCH_MAX),
  /** Ids of duplicates this till has stored: the hub stops sending them to it. */
  seenDuplicates: z.array(z.number().int().min(1)).max(CHAIN_DUPLICATES_MAX * 5)
})
export type EventsRequest = z.infer<typeof eventsRequestSchema>

export const duplicateStorySchema = z.object({
  redemptionId: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  tillId: z.string(),
  tillName: z.string(),
  cashierName: z.string(),
  amountFen: z.number().int(),
  /** The till's clock when it redeemed. */
  at: z.number().int()
})
export const chainDuplicateSchema = z.object({
  id: z.number().int(),
  platform: z.string(),
  cardId: z.string(),
  code: z.string(),
  /** The redemption the hub heard of first (the holder of the claim). */
  first: duplicateStorySchema,
  second: duplicateStorySchema,
  foundAt: z.number().int()
})
export type ChainDuplicate = z.infer<typeof chainDuplicateSchema>

export const eventsResponseSchema = z.object({
  /** Every event up to here is stored and applied: delete them. Never past a gap. */
  ackSeq: z.number().int().min(0),
  /** Events of this batch the hub did not hold before. */
  stored: z.number().int().min(0),
  /** The batch started past ackSeq + 1: send from `from` on (those after the gap are kept, not yet applied). */
  gap: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  /** Cross-store (or cross-till) duplicates involving this till that it has not reported as seen. */
  duplicates: z.array(chainDuplicateSchema)
})
export type EventsResponse = z.infer<typeof eventsResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/enrol — no bearer: the enrolment code HQ made for the store is the credential.

export const enrolRequestSchema = z.strictObject({
  enrolmentCode: z.string().min(4).max(32),
  tillId: hubIdSchema,
  tillName: z.string().min(1).max(64)
})
export type EnrolRequest = z.infer<typeof enrolRequestSchema>

export const enrolResponseSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  tillId: z.string(),
  /** Shown once; the hub keeps only its SHA-256. Keep it out of any renderer. */
  token: z.string(),
  /** The highest seq the hub already holds applied for this till (0 for a new till). */
  ackSeq: z.number().int().min(0)
})
export type EnrolResponse = z.infer<typeof enrolResponseSchema>

// ---------------------------------------------------------------------------------------------------------------
// Admin

export const chainStoreRequestSchema = z.strictObject({
  storeId: hubIdSchema,
  name: z.string().min(1).max(64),
  region: z.string().max(64).optional(),
  timeZone: z.string().min(1).max(64).optional()
})
export const enrolmentCodeRequestSchema = z.strictObject({ storeId: hubIdSchema })
export const enrolmentCodeResponseSchema = z.object({
  code: z.string(),
  storeId: z.string(),
  expiresAt: z.number().int()
})
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>
export const chainRevokeRequestSchema = z.strictObject({ tillId: hubIdSchema })

// ---------------------------------------------------------------------------------------------------------------
// POST /v1/chain/claims, /v1/chain/claims/release — bearer token of an enrolled till, the store header.

/**
 * A claim before committing. The coupon is named as in the `redeemed` event the lane sends later (cardId,
 * customCode, code), so the hub keys both with the same rule (a plain code under the card-independent key) and
 * the event of the same redemption finds its own claim, not a duplicate.
 */
export const chainClaimRequestSchema = z.strictObject({
  tillId: hubIdSchema,
  redemptionId: uuidSchema,
  cardId: z.string().max(64),
  customCode: z.boolean(),
  code: z.string().min(1).max(64),
  cashier: z.strictObject({ id: z.string().min(1).max(64), name: z.string().min(1).max(64) }),
  amountFen: fenSchema,
  /** The till's clock. */
  at: epochMsSchema
})
export type ChainClaimRequest = z.infer<typeof chainClaimRequestSchema>

export const chainHolderSchema = z.object({
  redemptionId: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  tillId: z.string(),
  tillName: z.string(),
  cashierName: z.string(),
  /** The holder's till clock when it redeemed (or claimed). */
  at: z.number().int(),
  /** true: the hub holds the holder's redemption from its lane; false: a claim not yet followed by its event. */
  recorded: z.boolean()
})
export type ChainHolder = z.infer<typeof chainHolderSchema>

export const chainClaimResponseSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('granted'),
    /** The same redemption id already held this coupon (a repeated request). */
    repeat: z.boolean(),
    /** Hub time after which an unconfirmed claim no longer blocks the code; null once the lane's event is in. */
    expiresAt: z.number().int().nullable()
  }),
  z.object({ outcome: z.literal('duplicate'), holder: chainHolderSchema })
])
export type ChainClaimResponse = z.infer<typeof chainClaimResponseSchema>

export const chainReleaseRequestSchema = z.strictObject({ tillId: hubIdSchema, redemptionId: uuidSchema })
export type ChainReleaseRequest = z.infer<typeof chainReleaseRequestSchema>
export const chainReleaseResponseSchema = z.object({ released: z.boolean() })

export const CHAIN_BATCH_LIMITS = {
  /** A gzip body is refused when it inflates beyond this (a Z report can be large). */
  inflatedBytes: 16 * 1024 * 1024,
  wireBytes: 4 * 1024 * 1024
} as const
