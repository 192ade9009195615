/**
 * The bill amount (typed in yuan, parsed to integer fen by the shared money helper, never a float) and the
 * "other discount applied" switch; discount and amount payable follow as main re-decides.
 */
import { Input, Switch, type InputRef } from 'antd'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { moneyText } from '../components/format'
import { BILL_MAX_FEN } from '../../../shared/money'
import { billProblem, type Decided } from './counterState'

interface BillEntryProps {
  decided: Decided
  required: boolean
  inputRef: Ref<InputRef>
  onBill: (text: string) => void
  onOtherDiscount: (on: boolean) => void
  onEnter: () => void
}

export function BillEntry({ decided, required, inputRef, onBill, onOtherDiscount, onEnter }: BillEntryProps) {
  const { t } = useTranslation()
  const problem = billProblem(decided)
  const invalid = problem !== null
  const money = decided.view.decision?.money
  const upToDate = decided.revision === decided.evaluated
  return (
    <div className="bill-entry">
      <label className="bill-label" htmlFor="bill-amount">
        {required ? t('bill.required') : t('bill.optional')}
      </label>
      <Input
        id="bill-amount"
        ref={inputRef}
        size="large"
        className="bill-input"
        prefix="¥"
        inputMode="decimal"
        autoComplete="off"
        placeholder={t('bill.placeholder')}
        // "1000000.00" is 10 characters; more is never a bill (and never reaches main).
        maxLength={13}
        value={decided.billText}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid}
        aria-describedby="bill-help"
        data-testid="bill-input"
        onChange={(e) => onBill(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault()
          onEnter()
        }}
      />
      <p
        id="bill-help"
        className={invalid ? 'bill-help bill-help-error' : 'bill-help'}
        role={invalid ? 'alert' : undefined}
      >
        {problem === 'tooLarge'
          ? t('bill.tooLarge', { max: moneyText(BILL_MAX_FEN) })
          : problem === 'format'
            ? t('bill.invalid')
            : t('bill.help', { max: moneyText(BILL_MAX_FEN) })}
      </p>
      <label
        className="other-discount"
        // Enter after flipping the switch means "go on", not "flip it back".
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          e.preventDefault()
          onEnter()
        }}
      >
        <Switch
          checked={decided.otherDiscount}
          onChange={onOtherDiscount}
          data-testid="other-discount"
          aria-describedby="other-discount-help"
        />
        <span>{t('bill.otherDiscount')}</span>
      </label>
      <span id="other-discount-help" className="visually-hidden">
        {t('bill.otherDiscountHelp')}
      </span>
      {money && (
        <dl className={upToDate ? 'money' : 'money money-stale'} data-testid="money" aria-busy={!upToDate}>
          {money.billAmount !== null && (
            <div>
              <dt>{t('money.bill')}</dt>
              <dd data-testid="money-bill">{moneyText(money.billAmount)}</dd>
            </div>
          )}
          <div>
            <dt>{t('money.discount')}</dt>
            <dd data-testid="money-discount">{moneyText(money.discount)}</dd>
          </div>
          {money.payable !== null && (
            <div className="money-payable">
              <dt>{t('money.payable')}</dt>
              <dd data-testid="money-payable">{moneyText(money.payable)}</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  )
}
