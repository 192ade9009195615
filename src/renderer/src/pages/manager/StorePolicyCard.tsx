/**
 * The store's policy for degraded mode (docs/hub.md § Store policy): how large a discount a till may still
 * accept when the store hub does not answer. Set by a manager here, through the hub, for every till of the
 * store; shown as this till last heard it (it is cached for exactly the moments the hub is silent).
 */
import { Alert, App, Button, Input, Radio } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoreLinkOverview, StorePolicyView } from '../../../../shared/ipc/contracts/storeLink'
import { fenToYuanText, yuanTextToFen } from '../../../../shared/money'
import { dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { station } from '../../api'
import { reportsErrorText } from './text'

type Choice = 'none' | 'zero' | 'upTo'

const choiceOf = (p: StorePolicyView): Choice =>
  p.unverifiedLimitFen === null ? 'none' : p.unverifiedLimitFen === 0 ? 'zero' : 'upTo'

export function StorePolicyCard({ zone }: { zone: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [link, setLink] = useState<StoreLinkOverview | null>(null)
  const [choice, setChoice] = useState<Choice>('none')
  const [amount, setAmount] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    const take = (next: StoreLinkOverview) => {
      if (!live) return
      setLink(next)
      if (next.policy) {
        setChoice(choiceOf(next.policy))
        setAmount(next.policy.unverifiedLimitFen ? fenToYuanText(next.policy.unverifiedLimitFen) : '')
      }
    }
    void call('storeLink.get', undefined).then((r) => r.ok && take(r.value))
    const off = station.subscribe['storeLink.state']((next) => take(next))
    return () => {
      live = false
      off()
    }
  }, [])

  const policy = link?.policy
  if (!policy) return null
  const fen = choice === 'none' ? null : choice === 'zero' ? 0 : yuanTextToFen(amount)
  const bad = choice === 'upTo' && (fen === null || fen <= 0)
  const now =
    policy.unverifiedLimitFen === null
      ? policy.version === 0
        ? t('storeDay.policy.neverSet')
        : t('storeDay.policy.nowNoLimit')
      : policy.unverifiedLimitFen === 0
        ? t('storeDay.policy.nowRefuseAll')
        : t('storeDay.policy.nowUpTo', { amount: moneyText(policy.unverifiedLimitFen) })

  const save = async () => {
    if (bad) return
    setBusy(true)
    const result = await call('storeLink.setPolicy', { unverifiedLimitFen: fen, baseVersion: policy.version })
    setBusy(false)
    if (!result.ok) {
      // A stale version: main fetched the new one; show it.
      void call('storeLink.get', undefined).then((r) => r.ok && setLink(r.value))
      return void message.error(reportsErrorText(t, result.error))
    }
    setLink(result.value)
    message.success(t('storeDay.policy.saved'))
  }

  return (
    <section
      className="mgr-card"
      style={{ marginTop: 12 }}
      data-testid="store-policy"
      data-limit={policy.unverifiedLimitFen ?? 'none'}
    >
      <h2 className="section-title">{t('storeDay.policy.title')}</h2>
      <p>{t('storeDay.policy.intro')}</p>
      <p data-testid="store-policy-now">
        <strong>{now}</strong>
        {policy.setAt !== null && policy.setByName && (
          <span className="mgr-note">
            {' · '}
            {t('storeDay.policy.setBy', {
              name: policy.setByName,
              till: policy.setByTillName ?? '—',
              time: dateTimeText(policy.setAt, zone)
            })}
          </span>
        )}
      </p>
      <Radio.Group
        value={choice}
        onChange={(e) => setChoice(e.target.value as Choice)}
        data-testid="store-policy-choice"
      >
        <Radio.Button value="none">
          <span data-testid="store-policy-none">{t('storeDay.policy.noLimit')}</span>
        </Radio.Button>
        <Radio.Button value="zero">
          <span data-testid="store-policy-zero">{t('storeDay.policy.refuseAll')}</span>
        </Radio.Button>
        <Radio.Button value="upTo">
          <span data-testid="store-policy-upto">{t('storeDay.policy.upTo')}</span>
        </Radio.Button>
      </Radio.Group>
      {choice === 'upTo' && (
        <div style={{ marginTop: 8, display: 'flex', gap: 8, alignItems: 'center' }}>
          <label htmlFor="store-policy-amount">{t('storeDay.policy.amount')}</label>
          <Input
            id="store-policy-amount"
            style={{ width: 140 }}
            inputMode="decimal"
            value={amount}
            status={bad && amount !== '' ? 'error' : undefined}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="store-policy-amount"
          />
        </div>
      )}
      {bad && amount !== '' && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon title={t('storeDay.policy.badAmount')} />
      )}
      <div style={{ marginTop: 8 }}>
        <Button
          type="primary"
          loading={busy}
          disabled={bad}
          onClick={() => void save()}
          data-testid="store-policy-save"
        >
          {t('storeDay.policy.save')}
        </Button>
      </div>
    </section>
  )
}
