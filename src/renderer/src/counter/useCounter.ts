/**
 * The counter's behaviour: sends scans to redeem.lookup, re-evaluates as the bill is typed (lightly
 * debounced), commits on the primary action, follows the redemption's sync status. All decisions come from
 * main; this only keeps the newest answer and drops stale ones.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { ScanSource } from '../../../shared/scan'
import { station } from '../api'
import { call } from '../shell/call'
import { useSound } from '../sound/SoundProvider'
import { cueOf } from './cueOf'
import {
  billOf,
  counterReducer,
  needsManager,
  decided,
  displayOf,
  initialCounter,
  primaryAction,
  type CounterState,
  type Decided
} from './counterState'

export interface ScanInput {
  source: ScanSource
  device: string
  /** For display while the look-up runs; for renderer sources (wedge, camera, manual) also what is sent. */
  raw: string
  /** A HID/serial scan main holds ('device.scan'): main decides the exact bytes it received. */
  scanId?: string
  /** The coupon the cashier chose for a custom code. */
  cardId?: string
}

/** Long enough to skip keystrokes in a row, short enough that the total follows the typing. */
export const EVALUATE_DEBOUNCE_MS = 120

export interface CounterControl {
  state: CounterState
  scan: (input: ScanInput) => Promise<void>
  setBill: (text: string) => void
  setOtherDiscount: (on: boolean) => void
  pick: (cardId: string) => void
  /** Enter: redeem, confirm, ask for the manager, or point at the amount — whatever the screen needs. */
  primary: () => Promise<void>
  /** After a manager approved: redeem with their token. */
  commitApproved: (approvalToken: string) => Promise<void>
  closeApproval: () => void
  cancel: () => void
  mangledScan: () => void
}

const evaluateRequest = (d: Decided, billFen: number | undefined) => ({
  lookupId: d.view.lookupId,
  otherDiscount: d.otherDiscount,
  ...(billFen !== undefined ? { billFen } : {}),
  ...(d.pickedCardId ? { pickedCardId: d.pickedCardId } : {})
})

export function useCounter(): CounterControl {
  const [state, dispatch] = useReducer(counterReducer, initialCounter)
  const { play } = useSound()
  const latest = useRef(state)
  const seq = useRef(0)
  useEffect(() => {
    latest.current = state
  })

  const scan = useCallback(
    async (input: ScanInput) => {
      const mySeq = ++seq.current
      performance.clearMarks('hexiao:scan')
      performance.mark('hexiao:scan', { detail: mySeq })
      dispatch({ type: 'scan', seq: mySeq, raw: input.raw })
      const result = await call('redeem.lookup', {
        source: input.source,
        device: input.device,
        ...(input.scanId ? { scanId: input.scanId } : { raw: input.raw }),
        ...(input.cardId ? { cardId: input.cardId } : {})
      })
      if (mySeq !== seq.current) return
      if (!result.ok) {
        dispatch({ type: 'lookupFailed', seq: mySeq, error: result.error, raw: input.raw })
        play('deny')
        return
      }
      dispatch({ type: 'lookedUp', seq: mySeq, view: result.value })
      if (!result.value.doubleRead) {
        const cue = cueOf(displayOf(decided(result.value)))
        if (cue) play(cue)
      }
    },
    [play]
  )

  // Re-decide as the cashier types; an answer for an older revision is dropped by the reducer.
  const screen = state.screen
  const pending = screen.kind === 'decided' && screen.revision !== screen.evaluated ? screen : null
  useEffect(() => {
    if (!pending) return
    const billFen = billOf(pending)
    if (billFen === null) return
    const timer = setTimeout(() => {
      void call('redeem.evaluate', evaluateRequest(pending, billFen)).then((r) => {
        if (r.ok)
          dispatch({
            type: 'evaluated',
            lookupId: pending.view.lookupId,
            revision: pending.revision,
            view: r.value
          })
      })
    }, EVALUATE_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [pending])

  /** The decided screen with its view up to date (evaluates now when typing is ahead of the last answer). */
  const current = useCallback(async (): Promise<Decided | null> => {
    const d = latest.current.screen
    if (d.kind !== 'decided') return null
    if (d.revision === d.evaluated) return d
    const billFen = billOf(d)
    if (billFen === null) return d
    const r = await call('redeem.evaluate', evaluateRequest(d, billFen))
    if (!r.ok) {
      // Never act on a decision made for other inputs: say why, and do nothing else.
      dispatch({ type: 'commitFailed', error: r.error, step: 'idle' })
      return null
    }
    dispatch({ type: 'evaluated', lookupId: d.view.lookupId, revision: d.revision, view: r.value })
    return { ...d, view: r.value, evaluated: d.revision }
  }, [])

  const commit = useCallback(
    async (d: Decided, extra: { confirmWarnings: boolean; approvalToken?: string }) => {
      const billFen = billOf(d)
      dispatch({ type: 'step', step: 'committing' })
      const r = await call('redeem.commit', {
        ...evaluateRequest(d, billFen ?? undefined),
        confirmWarnings: extra.confirmWarnings,
        ...(extra.approvalToken ? { approvalToken: extra.approvalToken } : {})
      })
      if (r.ok) {
        dispatch({ type: 'committed', result: r.value })
        // sendNow may already have heard the conflict: then the alarm, not the chime.
        play(needsManager(r.value.redemption.status) ? 'duplicate' : 'redeemed')
        return
      }
      const next =
        r.error.code === 'MANAGER_PIN_REQUIRED'
          ? 'approval'
          : r.error.code === 'CONFIRM_WARNINGS'
            ? 'confirm'
            : 'idle'
      dispatch({ type: 'commitFailed', error: r.error, step: next })
      play('deny')
    },
    [play]
  )

  const primary = useCallback(async () => {
    const d = await current()
    if (!d || d.step === 'committing' || d.step === 'approval') return
    // A bill the field refuses (not a number, above the largest bill) stops here, before any PIN is asked:
    // an approval spent on a request main must refuse sent the cashier round the PIN loop (issue 15).
    if (billOf(d) === null) {
      play('deny')
      return
    }
    switch (primaryAction(d)) {
      case 'commit':
        return commit(d, { confirmWarnings: d.step === 'confirm' })
      case 'confirm':
        dispatch({ type: 'step', step: 'confirm' })
        return
      case 'approve':
        dispatch({ type: 'step', step: 'approval' })
        return
      default:
        return
    }
  }, [current, commit, play])

  const commitApproved = useCallback(
    async (approvalToken: string) => {
      const d = await current()
      if (d) await commit(d, { confirmWarnings: true, approvalToken })
    },
    [current, commit]
  )

  const pick = useCallback(
    (cardId: string) => {
      const d = latest.current.screen
      if (d.kind !== 'decided') return
      // A custom code needs a fresh look-up with its card (WeChat must be asked with the card_id).
      if (d.view.decision?.reasons.some((r) => r.code === 'CUSTOM_CODE_CARD_NEEDED')) {
        void scan({
          source: d.view.scan.source,
          device: d.view.scan.device,
          raw: d.view.code ?? d.view.scan.raw,
          cardId
        })
        return
      }
      dispatch({ type: 'pick', cardId })
    },
    [scan]
  )

  // Live sync status of the redemption on screen.
  useEffect(
    () =>
      station.subscribe['redemption.updated']((u) => {
        const s = latest.current.screen
        const onScreen = s.kind === 'redeemed' && s.result.redemption.id === u.redemptionId
        dispatch({ type: 'redemptionUpdated', redemptionId: u.redemptionId, status: u.status })
        // The banner turns from green to the conflict state: the cashier must hear it, not only see it.
        if (onScreen && needsManager(u.status) && !needsManager(s.status)) play('duplicate')
      }),
    [play]
  )

  return {
    state,
    scan,
    setBill: useCallback((text: string) => dispatch({ type: 'bill', text }), []),
    setOtherDiscount: useCallback((on: boolean) => dispatch({ type: 'otherDiscount', on }), []),
    pick,
    primary,
    commitApproved,
    closeApproval: useCallback(() => dispatch({ type: 'step', step: 'idle' }), []),
    cancel: useCallback(() => {
      const s = latest.current.screen
      if (s.kind === 'decided' && s.step === 'committing') return
      seq.current++
      dispatch({ type: 'cancel' })
    }, []),
    mangledScan: useCallback(() => {
      dispatch({ type: 'mangled' })
      play('deny')
    }, [play])
  }
}
