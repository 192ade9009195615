/**
 * The counter as a pure state machine: a scan, its decision, the bill the cashier types, the confirm or
 * manager-approval step, the redemption and its sync status. Kept free of React and I/O so every
 * transition can be unit-tested; useCounter.ts performs the calls and feeds the answers back in.
 */
import { BILL_MAX_FEN, yuanTextToFen, type Fen } from '../../../shared/money'
import type { LookupView, RedeemResult, RedemptionStatus } from '../../../shared/redeem'
import type { AppError } from '../../../shared/result'

/** idle → (WARN) confirm → committing; (WARN needing a PIN) approval → committing. */
export type Step = 'idle' | 'confirm' | 'approval' | 'committing'

export interface Decided {
  kind: 'decided'
  view: LookupView
  billText: string
  otherDiscount: boolean
  pickedCardId: string | null
  /** Bumped by every change of the inputs; an evaluate answer for an older revision is stale. */
  revision: number
  /** The revision `view` was decided for. */
  evaluated: number
  step: Step
  error: AppError | null
}

export interface Redeemed {
  kind: 'redeemed'
  view: LookupView
  result: RedeemResult
  /** Follows 'redemption.updated' after the answer (queued → synced). */
  status: RedemptionStatus
}

export type Screen = { kind: 'ready' } | Decided | Redeemed | { kind: 'failed'; error: AppError; raw: string }

export type Notice = 'doubleRead' | 'mangled' | null

export interface CounterState {
  /** Number of the latest scan; an answer to an older scan is dropped. */
  scanSeq: number
  /** The raw text being looked up right now. */
  scanning: string | null
  notice: Notice
  screen: Screen
  /** Counts redemptions, so the recent list knows when to reload. */
  redeemedCount: number
}

export type CounterAction =
  | { type: 'scan'; seq: number; raw: string }
  | { type: 'mangled' }
  | { type: 'lookedUp'; seq: number; view: LookupView }
  | { type: 'lookupFailed'; seq: number; error: AppError; raw: string }
  | { type: 'bill'; text: string }
  | { type: 'otherDiscount'; on: boolean }
  | { type: 'pick'; cardId: string }
  | { type: 'evaluated'; lookupId: string; revision: number; view: LookupView }
  | { type: 'step'; step: Step }
  | { type: 'commitFailed'; error: AppError; step: Step }
  | { type: 'committed'; result: RedeemResult }
  | { type: 'redemptionUpdated'; redemptionId: string; status: RedemptionStatus }
  | { type: 'cancel' }

export const initialCounter: CounterState = {
  scanSeq: 0,
  scanning: null,
  notice: null,
  screen: { kind: 'ready' },
  redeemedCount: 0
}

export const decided = (view: LookupView): Decided => ({
  kind: 'decided',
  view,
  billText: '',
  otherDiscount: false,
  pickedCardId: view.pickedCardId,
  revision: 0,
  evaluated: 0,
  step: 'idle',
  error: null
})

/** Changes the inputs of a decided screen and marks the view as out of date. */
const edit = (state: CounterState, change: (d: Decided) => Partial<Decided>): CounterState => {
  const s = state.screen
  if (s.kind !== 'decided' || s.step === 'committing') return state
  return { ...state, screen: { ...s, ...change(s), revision: s.revision + 1, step: 'idle', error: null } }
}

export function counterReducer(state: CounterState, action: CounterAction): CounterState {
  const s = state.screen
  switch (action.type) {
    case 'scan':
      return { ...state, scanSeq: action.seq, scanning: action.raw, notice: null }
    case 'mangled':
      return { ...state, notice: 'mangled' }
    case 'lookedUp':
      if (action.seq !== state.scanSeq) return state
      // The same code read twice by the same device: the first read stands, nothing changes.
      if (action.view.doubleRead) return { ...state, scanning: null, notice: 'doubleRead' }
      return { ...state, scanning: null, screen: decided(action.view) }
    case 'lookupFailed':
      if (action.seq !== state.scanSeq) return state
      return { ...state, scanning: null, screen: { kind: 'failed', error: action.error, raw: action.raw } }
    case 'bill':
      return edit(state, () => ({ billText: action.text }))
    case 'otherDiscount':
      return edit(state, () => ({ otherDiscount: action.on }))
    case 'pick':
      return edit(state, () => ({ pickedCardId: action.cardId }))
    case 'evaluated':
      if (s.kind !== 'decided' || s.view.lookupId !== action.lookupId || action.revision !== s.revision)
        return state
      return { ...state, screen: { ...s, view: action.view, evaluated: action.revision } }
    case 'step':
      return s.kind === 'decided' ? { ...state, screen: { ...s, step: action.step, error: null } } : state
    case 'commitFailed':
      return s.kind === 'decided'
        ? { ...state, screen: { ...s, step: action.step, error: action.error } }
        : state
    case 'committed':
      if (s.kind !== 'decided') return state
      return {
        ...state,
        redeemedCount: state.redeemedCount + 1,
        screen: {
          kind: 'redeemed',
          view: s.view,
          result: action.result,
          status: action.result.redemption.status
        }
      }
    case 'redemptionUpdated':
      if (s.kind !== 'redeemed' || s.result.redemption.id !== action.redemptionId) return state
      return { ...state, screen: { ...s, status: action.status } }
    case 'cancel':
      // A redemption on its way to the ledger is not cancelled by Esc: its answer must be shown.
      if (s.kind === 'decided' && s.step === 'committing') return state
      return { ...state, scanning: null, notice: null, screen: { kind: 'ready' } }
  }
}

/** The bill as typed: undefined when empty, null when it is not an amount the counter takes. */
export function billOf(d: Decided): Fen | null | undefined {
  if (d.billText.trim() === '') return undefined
  const fen = yuanTextToFen(d.billText)
  return fen !== null && fen <= BILL_MAX_FEN ? fen : null
}

/** Why the typed bill is refused, for the field's message: not a number, or above the largest bill. */
export function billProblem(d: Decided): 'format' | 'tooLarge' | null {
  if (d.billText.trim() === '') return null
  const fen = yuanTextToFen(d.billText)
  if (fen === null) return 'format'
  return fen > BILL_MAX_FEN ? 'tooLarge' : null
}

/** What the big panel shows. CHOOSE: the cashier must say which coupon an unknown code is first. */
export const DISPLAYS = [
  'READY',
  'OK',
  'NEEDS_AMOUNT',
  'CHOOSE',
  'WARN',
  'WARN_PIN',
  'DENY',
  'DUPLICATE',
  'REJECTED',
  'FAILED',
  'REDEEMED',
  'SYNC_CONFLICT'
] as const

export type Display = (typeof DISPLAYS)[number]

/** A redemption whose sync ended this way waits for a manager (the conflicts queue). */
export const needsManager = (status: RedemptionStatus): boolean =>
  status === 'conflict' || status === 'rejected'

export function needsChoice(view: LookupView): boolean {
  return (
    view.choices.length > 0 &&
    view.pickedCardId === null &&
    view.card?.kind !== 'card' &&
    view.decision?.outcome !== 'DUPLICATE'
  )
}

export function displayOf(screen: Screen): Display {
  switch (screen.kind) {
    case 'ready':
      return 'READY'
    case 'failed':
      return 'FAILED'
    case 'redeemed':
      // Recorded here, but WeChat disagreed (used elsewhere, other card, refused): never the green banner.
      return needsManager(screen.status) ? 'SYNC_CONFLICT' : 'REDEEMED'
    case 'decided': {
      const { view } = screen
      if (view.rejected) return 'REJECTED'
      if (needsChoice(view)) return 'CHOOSE'
      const d = view.decision
      if (!d) return 'DENY'
      // The store refused it at commit (hub silent, above the store's limit): the big band says so, not "OK".
      if (screen.error?.code === 'STORE_UNCHECKED_OVER_LIMIT') return 'DENY'
      // Headquarters says another store redeemed it (docs/chain.md § Claims before committing): the big band.
      if (screen.error?.code === 'CHAIN_DUPLICATE') return 'DUPLICATE'
      if (d.outcome === 'WARN') return d.managerPinRequired && !d.approved ? 'WARN_PIN' : 'WARN'
      return d.outcome
    }
  }
}

/** What Enter does on a decided screen. */
export type PrimaryAction = 'commit' | 'confirm' | 'approve' | 'needAmount' | 'none'

export function primaryAction(d: Decided): PrimaryAction {
  const display = displayOf(d)
  if (display === 'NEEDS_AMOUNT') return 'needAmount'
  if (display === 'OK') return 'commit'
  if (display === 'WARN_PIN') return 'approve'
  if (display === 'WARN') return d.step === 'confirm' ? 'commit' : 'confirm'
  return 'none'
}
