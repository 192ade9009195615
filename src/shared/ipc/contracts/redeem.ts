/** Scans, decisions and redemptions: the counter's channels. */
import { z } from 'zod'
import type { REDEEM_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { CardChoice, LookupView, RedeemResult, RedemptionView } from '../../redeem'
import { rulesPolicySchema, type RulesPolicy } from '../../rules'
import { BILL_MAX_FEN } from '../../money'

const fen = z.number().int('amounts are whole fen').min(0).max(BILL_MAX_FEN)
const id = z.string().min(1).max(64)

export const ScanSourceSchema = z.enum(['wedge', 'hid', 'serial', 'camera', 'manual'])

export const LookupRequest = z
  .object({
    source: ScanSourceSchema,
    device: z.string().min(1).max(80),
    /** What the device delivered, before normalisation (the normalizer runs in main). */
    raw: z.string().max(4096).optional(),
    /** A HID/serial scan main announced as 'device.scan' (instead of raw). */
    scanId: z.string().uuid().optional(),
    /** The card the cashier chose for a custom code or an unknown offline code. */
    cardId: z.string().min(1).max(32).optional()
  })
  .strict()
  .refine((r) => (r.raw === undefined) !== (r.scanId === undefined), 'give either raw or scanId')

/** Re-evaluates a look-up as the cashier types the bill (no new upstream call). */
export const EvaluateRequest = z
  .object({
    lookupId: id,
    billFen: fen.optional(),
    otherDiscount: z.boolean().default(false),
    pickedCardId: z.string().min(1).max(32).optional(),
    approvalToken: z.string().min(1).max(64).optional()
  })
  .strict()

export const CommitRequest = EvaluateRequest.extend({
  /** The cashier confirmed the warnings shown (WARN without a PIN requirement). */
  confirmWarnings: z.boolean().default(false)
}).strict()

export const VoidRequest = z
  .object({
    redemptionId: id,
    reason: z.string().trim().min(1).max(200),
    approvalToken: z.string().max(64).optional()
  })
  .strict()

export const RecentRequest = z
  .object({ limit: z.number().int().min(1).max(200).default(30), beforeAt: z.number().int().optional() })
  .strict()

export const redeemContract = {
  'redeem.lookup': { request: LookupRequest, response: shape<LookupView>(), access: 'staff' },
  'redeem.evaluate': { request: EvaluateRequest, response: shape<LookupView>(), access: 'staff' },
  'redeem.commit': { request: CommitRequest, response: shape<RedeemResult>(), access: 'staff' },
  'redeem.void': { request: VoidRequest, response: shape<RedemptionView>(), access: 'manager' },
  'redeem.recent': { request: RecentRequest, response: shape<RedemptionView[]>(), access: 'staff' },
  'cards.active': { request: noArgs, response: shape<CardChoice[]>(), access: 'staff' },
  'policy.get': { request: noArgs, response: shape<RulesPolicy>(), access: 'staff' },
  'policy.set': { request: rulesPolicySchema, response: shape<RulesPolicy>(), access: 'manager' }
} as const satisfies Record<(typeof REDEEM_CHANNELS)[number], ChannelSpec>
