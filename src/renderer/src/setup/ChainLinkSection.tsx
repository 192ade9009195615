/**
 * Set-up's "Headquarters / 总部" section (managers; docs/chain.md § The till's lane): enrol this till with the chain
 * hub at headquarters (its address and an enrolment code HQ made for the store → chainLink.enrol), and the lane's
 * state from chainLink.get — enrolled or not, events waiting, last taken, last problem in plain words. Keyboard-first:
 * one form, Tab between the two fields, Enter submits. Main sends codes; every word here comes from the catalogue
 * (chainLinkSetup). The till's token never reaches this page.
 */
import { Alert, Button, Card, Input, Space, Typography } from 'antd'
import { useEffect, useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ChainLinkOverview } from '../../../shared/ipc/contracts/chainLink'
import type { AppError } from '../../../shared/result'
import { Field } from '../components/Field'
import { dateTimeText } from '../components/format'
import { call } from '../shell/call'
import { ChainClaimSettings } from './ChainClaimSettings'
import { errorText } from '../shell/errorText'
import { useStation } from '../shell/stationContext'

const POLL_MS = 2000

/** A refusal in words: the hub's own reason for a refused enrolment, else the station's error words. */
function failureText(t: TFunction, error: AppError): string {
  if (error.code === 'CHAIN_ENROLMENT_REFUSED') {
    const hubCode = (error.details as { hubCode?: unknown } | undefined)?.hubCode
    const key = `chainLinkSetup.refused.${typeof hubCode === 'string' ? hubCode : 'other'}`
    return t(key, { defaultValue: '' }) || t('chainLinkSetup.refused.other')
  }
  return errorText(t, error)
}

/** Managers type what HQ gave them ("hq.example.com:7430"); the channel wants a URL. */
function asUrl(address: string): string {
  const a = address.trim()
  return /^https?:\/\//i.test(a) ? a : `http://${a}`
}

function validUrl(address: string): boolean {
  if (address.trim().length === 0) return false
  try {
    return Boolean(new URL(asUrl(address)).hostname)
  } catch {
    return false
  }
}

export function ChainLinkSection() {
  const { t } = useTranslation()
  const { info } = useStation()
  const [view, setView] = useState<ChainLinkOverview | null>(null)
  const [address, setAddress] = useState('')
  const [code, setCode] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // The lane drains by itself: read its state while the page is open.
  useEffect(() => {
    let live = true
    const load = () =>
      void call('chainLink.get', undefined).then((r) => {
        if (!live || !r.ok) return
        setView(r.value)
        setAddress((a) => a || (r.value.hubUrl ?? '').replace(/^http:\/\//, ''))
      })
    load()
    const timer = setInterval(load, POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [])

  const addressOk = validUrl(address)
  const codeOk = code.trim().length >= 4
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!addressOk || !codeOk) return
    setBusy(true)
    setError(null)
    const r = await call('chainLink.enrol', { hubUrl: asUrl(address), enrolmentCode: code.trim() })
    setBusy(false)
    if (r.ok) {
      setView(r.value)
      setCode('')
      setTried(false)
    } else setError(failureText(t, r.error))
  }

  if (!view) return null
  const enrolled = view.status !== 'not_enrolled'
  // Just enrolled, nothing tried yet: the lane reports 'degraded' until its first answer, which is not a problem.
  const shown =
    view.status === 'degraded' && view.lastOkAt === null && view.lastError === null ? 'starting' : view.status
  const type =
    shown === 'connected' ? 'success' : shown === 'not_enrolled' || shown === 'starting' ? 'info' : 'warning'
  const reason =
    view.lastError &&
    (t(`chainLinkSetup.reason.${view.lastError}`, { defaultValue: '' }) || t('chainLinkSetup.reason.other'))
  return (
    <Card title={t('chainLinkSetup.title')} data-testid="chain-link" style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('chainLinkSetup.intro')}</Typography.Paragraph>
      <Alert
        type={type}
        showIcon
        data-testid="chain-link-state"
        data-state={shown}
        title={<strong>{t(`chainLinkSetup.state.${shown}`)}</strong>}
        description={
          enrolled ? (
            <Space orientation="vertical" size={0}>
              {view.storeName && <span>{t('chainLinkSetup.store', { name: view.storeName })}</span>}
              <span data-testid="chain-link-waiting">
                {view.waiting > 0
                  ? t('chainLinkSetup.waiting', { count: view.waiting })
                  : t('chainLinkSetup.waitingNone')}
              </span>
              <span>
                {view.lastOkAt !== null
                  ? t('chainLinkSetup.lastOk', { time: dateTimeText(view.lastOkAt, info.timeZone) })
                  : t('chainLinkSetup.lastOkNever')}
              </span>
              {reason && (
                <span data-testid="chain-link-problem">{t('chainLinkSetup.lastError', { reason })}</span>
              )}
            </Space>
          ) : undefined
        }
      />
      <form onSubmit={(e) => void submit(e)} data-testid="chain-link-enrol" style={{ marginTop: 16 }}>
        <Field
          label={t('chainLinkSetup.address')}
          help={t('chainLinkSetup.addressHelp')}
          error={tried && !addressOk ? t('chainLinkSetup.badAddress') : null}
        >
          <Input
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            data-testid="chain-link-address"
          />
        </Field>
        <Field
          label={t('chainLinkSetup.code')}
          help={t('chainLinkSetup.codeHelp')}
          error={tried && !codeOk ? t('chainLinkSetup.badCode') : null}
        >
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={20}
            autoComplete="off"
            className="store-hub-code-input"
            data-testid="chain-link-code"
          />
        </Field>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="chain-link-submit">
          {busy
            ? t('chainLinkSetup.enrolling')
            : enrolled
              ? t('chainLinkSetup.enrolAgain')
              : t('chainLinkSetup.submit')}
        </Button>
      </form>
      {error && <Alert type="error" title={error} style={{ marginTop: 16 }} data-testid="chain-link-error" />}
      {enrolled && <ChainClaimSettings claims={view.claims} onSaved={setView} />}
    </Card>
  )
}
