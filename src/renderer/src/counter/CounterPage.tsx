/**
 * The counter: always ready for a scan, the decision filling the top, the coupon and what to do next
 * below, the shift's redemptions at the side. Keyboard first: Enter does the next step, Esc is the next
 * customer; focus goes where the next key belongs.
 */
import type { InputRef } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ManagerPinDialog } from '../staff/ManagerPinDialog'
import { BillEntry } from './BillEntry'
import { CardChoices } from './CardChoices'
import { useCounterHub } from './CounterHub'
import { displayOf, needsChoice, type Decided } from './counterState'
import { CounterCamera } from './CounterCamera'
import { CouponCard } from './CouponCard'
import { DecisionPanel } from './DecisionPanel'
import { DuplicateDetails } from './DuplicateDetails'
import { MANUAL_DEVICE, ManualEntry } from './ManualEntry'
import { RecentList } from './RecentList'
import { RedeemBar } from './RedeemBar'
import { PrinterAlert } from '../printer/PrinterAlert'
import { PrintSlipButton } from '../printer/PrintSlipButton'
import { usePrinter } from '../printer/usePrinter'
import { useCounterKeys } from './useCounterKeys'
import './counter.css'
import './panels.css'

const showsBill = (d: Decided): boolean => {
  const display = displayOf(d)
  // Once typed, the amount stays on screen whatever it leads to (a bill below the minimum can be corrected).
  if (display === 'NEEDS_AMOUNT' || d.billText !== '') return true
  const kind = d.view.card?.kind === 'card' ? d.view.card.value.kind : null
  return (
    (kind === 'cash' || kind === 'discount') &&
    (display === 'OK' || display === 'WARN' || display === 'WARN_PIN')
  )
}

export function CounterPage() {
  const { t } = useTranslation()
  const counter = useCounterHub()
  const { state } = counter
  const screen = state.screen
  const decided = screen.kind === 'decided' ? screen : null
  const view = screen.kind === 'decided' || screen.kind === 'redeemed' ? screen.view : null
  const display = displayOf(screen)
  const printer = usePrinter()
  const redeemed = screen.kind === 'redeemed' ? screen : null
  const manualRef = useRef<InputRef>(null)
  const billRef = useRef<InputRef>(null)
  const primaryRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)

  const toReady = () => {
    counter.cancel()
    manualRef.current?.focus()
  }
  useCounterKeys(() => void counter.primary(), toReady)

  // Focus follows a new decision (not a re-decision while the bill is typed).
  const decisionKey = decided ? `${decided.view.lookupId}|${decided.view.pickedCardId ?? ''}` : screen.kind
  useEffect(() => {
    if (display === 'NEEDS_AMOUNT') billRef.current?.focus()
    else if (display === 'OK' || display === 'WARN' || display === 'WARN_PIN') primaryRef.current?.focus()
    else if (display === 'DENY' || display === 'DUPLICATE' || display === 'REJECTED' || display === 'FAILED')
      cancelRef.current?.focus()
    // preventScroll: on a short screen the field sits under the coupon; focusing it must not scroll the
    // decision out of view.
    else if (display === 'READY' || display === 'REDEEMED') manualRef.current?.focus({ preventScroll: true })
    // display is read at the moment the decision arrives, on purpose
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decisionKey])
  const step = decided?.step
  useEffect(() => {
    if (step === 'confirm') primaryRef.current?.focus()
  }, [step])

  return (
    <div className="counter" data-testid="counter">
      <h1 className="visually-hidden">{t('nav.counter')}</h1>
      <div className="counter-main">
        <PrinterAlert printer={printer} />
        <DecisionPanel state={state} />
        <div className="counter-detail">
          {/* What to do comes first (left, or on top on a narrow till): the decision's action must stay
              above the fold at 1024×768 and at 125 % zoom; the coupon's facts may run below it. */}
          <div className="counter-side">
            {decided && needsChoice(decided.view) && (
              <CardChoices
                choices={decided.view.choices}
                picked={decided.pickedCardId}
                onPick={counter.pick}
              />
            )}
            {decided?.view.decision?.outcome === 'DUPLICATE' && (
              <DuplicateDetails original={decided.view.decision.original} />
            )}
            {decided && showsBill(decided) && (
              <BillEntry
                decided={decided}
                required={display === 'NEEDS_AMOUNT' || decided.billText !== ''}
                inputRef={billRef}
                onBill={counter.setBill}
                onOtherDiscount={counter.setOtherDiscount}
                onEnter={() => void counter.primary()}
              />
            )}
            {redeemed && (
              <div className="counter-print">
                <PrintSlipButton
                  redemptionId={redeemed.result.redemption.id}
                  printer={printer}
                  size="large"
                />
              </div>
            )}
            {screen.kind !== 'ready' && (
              <RedeemBar
                decided={decided}
                primaryRef={primaryRef}
                cancelRef={cancelRef}
                onPrimary={() => void counter.primary()}
                onCancel={toReady}
              />
            )}
          </div>
          {view?.card && <CouponCard view={view} />}
        </div>
        <ManualEntry
          inputRef={manualRef}
          scanning={state.scanning}
          notice={state.notice}
          onSubmit={(raw) => void counter.scan({ source: 'manual', device: MANUAL_DEVICE, raw })}
        />
        <CounterCamera />
      </div>
      <RecentList reloadKey={state.redeemedCount} printer={printer} />
      {decided && (
        <ManagerPinDialog
          open={decided.step === 'approval'}
          purpose="redeem"
          subject={decided.view.lookupId}
          onApproved={(token) => void counter.commitApproved(token)}
          onCancel={counter.closeApproval}
        />
      )}
    </div>
  )
}
