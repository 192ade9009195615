/** The counter's state machine: stale answers dropped, the right screen and the right Enter for each decision. */
import { describe, expect, it } from 'vitest'
import type { LookupView, RedeemResult } from '../../src/shared/redeem'
import type { Decision } from '../../src/shared/rules'
import {
  billOf,
  counterReducer,
  decided,
  displayOf,
  initialCounter,
  primaryAction,
  type CounterAction,
  type CounterState,
  type Decided
} from '../../src/renderer/src/counter/counterState'
import { cueOf } from '../../src/renderer/src/counter/cueOf'

const money = { billAmount: null, discount: 0, payable: null, noChangeGiven: false }
const common = { reasons: [], money, couponValue: null, offline: false }

function view(decision: Decision | null, extra: Partial<LookupView> = {}): LookupView {
  return {
    lookupId: 'L1',
    scan: { source: 'manual', device: 'manual-entry', raw: '001234500010', at: 0 },
    rejected: null,
    code: '001234500010',
    card: null,
    cardSource: 'none',
    codeStatus: null,
    connectivity: 'online',
    decision,
    doubleRead: false,
    choices: [],
    pickedCardId: null,
    ...extra
  }
}

const run = (actions: CounterAction[], from: CounterState = initialCounter) =>
  actions.reduce(counterReducer, from)
const screenOf = (s: CounterState) => s.screen as Decided

describe('counter state', () => {
  it('shows the answer of the latest scan only', () => {
    const s = run([
      { type: 'scan', seq: 1, raw: 'a' },
      { type: 'scan', seq: 2, raw: 'b' },
      { type: 'lookedUp', seq: 1, view: view({ ...common, outcome: 'OK' }, { lookupId: 'old' }) }
    ])
    expect(s.screen.kind).toBe('ready')
    expect(s.scanning).toBe('b')
    const t = run(
      [{ type: 'lookedUp', seq: 2, view: view({ ...common, outcome: 'OK' }, { lookupId: 'new' }) }],
      s
    )
    expect(screenOf(t).view.lookupId).toBe('new')
    expect(t.scanning).toBeNull()
  })

  it('keeps the screen on a double read and says so', () => {
    const first = run([
      { type: 'scan', seq: 1, raw: 'a' },
      { type: 'lookedUp', seq: 1, view: view({ ...common, outcome: 'OK' }) }
    ])
    const again = run(
      [
        { type: 'scan', seq: 2, raw: 'a' },
        { type: 'lookedUp', seq: 2, view: { ...view({ ...common, outcome: 'OK' }), doubleRead: true } }
      ],
      first
    )
    expect(again.screen).toBe(first.screen)
    expect(again.notice).toBe('doubleRead')
  })

  it('maps each decision to its display and its Enter', () => {
    const cases: [Decision, string, string][] = [
      [{ ...common, outcome: 'OK' }, 'OK', 'commit'],
      [{ ...common, outcome: 'NEEDS_AMOUNT' }, 'NEEDS_AMOUNT', 'needAmount'],
      [{ ...common, outcome: 'WARN', managerPinRequired: false, approved: false }, 'WARN', 'confirm'],
      [{ ...common, outcome: 'WARN', managerPinRequired: true, approved: false }, 'WARN_PIN', 'approve'],
      [{ ...common, outcome: 'DENY' }, 'DENY', 'none'],
      [{ ...common, outcome: 'DUPLICATE', original: null }, 'DUPLICATE', 'none']
    ]
    for (const [decision, display, action] of cases) {
      const d = decided(view(decision))
      expect(displayOf(d)).toBe(display)
      expect(primaryAction(d)).toBe(action)
    }
  })

  it('asks to confirm a WARN first, then commits on the second Enter', () => {
    const d = decided(view({ ...common, outcome: 'WARN', managerPinRequired: false, approved: false }))
    const s = run([{ type: 'step', step: 'confirm' }], { ...initialCounter, screen: d })
    expect(primaryAction(screenOf(s))).toBe('commit')
  })

  it('asks to choose the coupon for an unknown code, never for a duplicate', () => {
    const choices = [{ cardId: 'c1', title: 'A', cardType: 'CASH', useCustomCode: true }]
    expect(displayOf(decided(view({ ...common, outcome: 'DENY' }, { choices })))).toBe('CHOOSE')
    expect(displayOf(decided(view({ ...common, outcome: 'DUPLICATE', original: null }, { choices })))).toBe(
      'DUPLICATE'
    )
    expect(displayOf(decided(view({ ...common, outcome: 'OK' }, { choices, pickedCardId: 'c1' })))).toBe('OK')
  })

  it('turns the band to DENY when the store refuses an unchecked coupon above its limit at commit', () => {
    const ok = decided(view({ ...common, outcome: 'OK' }))
    const refused = { ...ok, error: { code: 'STORE_UNCHECKED_OVER_LIMIT' as const, message: 'x' } }
    expect(displayOf(refused)).toBe('DENY')
    expect(primaryAction(refused)).toBe('none')
    // Any other commit error leaves the decision as it was (the cashier may try again).
    expect(displayOf({ ...ok, error: { code: 'INTERNAL' as const, message: 'x' } })).toBe('OK')
  })

  it('turns the band to DUPLICATE when headquarters says another store redeemed it at commit', () => {
    const ok = decided(view({ ...common, outcome: 'OK' }))
    const dup = {
      ...ok,
      error: { code: 'CHAIN_DUPLICATE' as const, message: 'x', details: { store: '上海一店' } }
    }
    expect(displayOf(dup)).toBe('DUPLICATE')
    expect(primaryAction(dup)).toBe('none')
  })

  it('shows a garbage scan as REJECTED', () => {
    const rejected = { reason: 'EMPTY' as const, params: {} }
    expect(displayOf(decided(view(null, { rejected })))).toBe('REJECTED')
  })

  it('marks the view out of date while the bill is typed and drops older evaluations', () => {
    const d = decided(view({ ...common, outcome: 'NEEDS_AMOUNT' }))
    let s: CounterState = { ...initialCounter, screen: d }
    s = run(
      [
        { type: 'bill', text: '1' },
        { type: 'bill', text: '12' }
      ],
      s
    )
    expect(screenOf(s).revision).toBe(2)
    const ok = view({ ...common, outcome: 'OK' })
    s = run([{ type: 'evaluated', lookupId: 'L1', revision: 1, view: ok }], s)
    expect(screenOf(s).view.decision?.outcome).toBe('NEEDS_AMOUNT')
    s = run([{ type: 'evaluated', lookupId: 'L1', revision: 2, view: ok }], s)
    expect(screenOf(s).view.decision?.outcome).toBe('OK')
    expect(screenOf(s).evaluated).toBe(2)
  })

  it('reads the bill in integer fen, and refuses what is not an amount', () => {
    const d = decided(view(null))
    expect(billOf({ ...d, billText: '' })).toBeUndefined()
    expect(billOf({ ...d, billText: '120' })).toBe(12000)
    expect(billOf({ ...d, billText: '0.1' })).toBe(10)
    expect(billOf({ ...d, billText: '19.99' })).toBe(1999)
    expect(billOf({ ...d, billText: '12,5' })).toBeNull()
    expect(billOf({ ...d, billText: '1.234' })).toBeNull()
  })

  it('does not let Esc drop a redemption on its way, and follows its sync status afterwards', () => {
    const d = decided(view({ ...common, outcome: 'OK' }))
    let s = run([{ type: 'step', step: 'committing' }, { type: 'cancel' }], { ...initialCounter, screen: d })
    expect(s.screen.kind).toBe('decided')
    const result = {
      redemption: { id: 'R1', status: 'pending' },
      sync: 'queued',
      repeated: false
    } as unknown as RedeemResult
    s = run([{ type: 'committed', result }], s)
    expect(s.screen.kind).toBe('redeemed')
    expect(s.redeemedCount).toBe(1)
    s = run([{ type: 'redemptionUpdated', redemptionId: 'other', status: 'synced' }], s)
    expect(s.screen.kind === 'redeemed' && s.screen.status).toBe('pending')
    s = run([{ type: 'redemptionUpdated', redemptionId: 'R1', status: 'synced' }], s)
    expect(s.screen.kind === 'redeemed' && s.screen.status).toBe('synced')
    expect(run([{ type: 'cancel' }], s).screen.kind).toBe('ready')
  })

  it('turns the redeemed banner into SYNC_CONFLICT when sync finds a conflict or a refusal', () => {
    const d = decided(view({ ...common, outcome: 'OK' }))
    const result = {
      redemption: { id: 'R2', status: 'pending' },
      sync: 'queued',
      repeated: false
    } as unknown as RedeemResult
    let s = run([{ type: 'committed', result }], { ...initialCounter, screen: d })
    expect(displayOf(s.screen)).toBe('REDEEMED')
    expect(cueOf(displayOf(s.screen))).toBe('redeemed')
    s = run([{ type: 'redemptionUpdated', redemptionId: 'R2', status: 'conflict' }], s)
    expect(displayOf(s.screen)).toBe('SYNC_CONFLICT')
    // The same alarm as a duplicate: the code may have been used elsewhere.
    expect(cueOf(displayOf(s.screen))).toBe('duplicate')
    const refused = run([{ type: 'redemptionUpdated', redemptionId: 'R2', status: 'rejected' }], s)
    expect(displayOf(refused.screen)).toBe('SYNC_CONFLICT')
    // Already answered as a conflict by sendNow: never green, not even for a moment.
    const conflicted = { ...result, redemption: { id: 'R3', status: 'conflict' } } as unknown as RedeemResult
    expect(
      displayOf(run([{ type: 'committed', result: conflicted }], { ...initialCounter, screen: d }).screen)
    ).toBe('SYNC_CONFLICT')
  })
})
