/**
 * Set-up's "Store hub / 门店主机" section (managers; docs/hub.md § The station side): this till's role — a single
 * till, the store hub (主机: the station runs the hub and shows its address, a pairing code and the paired tills),
 * or a till that joins a hub (副机: the hub's address and the code). Keyboard-first: the role is a radio group
 * (arrow keys), the join form submits on Enter. Main sends codes; every word here comes from the catalogue.
 */
import { Alert, App, Button, Card, Input, List, Radio, Space, Tag, Typography } from 'antd'
import { useEffect, useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { StoreHubRole, StoreHubView } from '../../../shared/ipc/contracts/storeHub'
import type { AppError } from '../../../shared/result'
import { Field } from '../components/Field'
import { formatLocal } from '../../../shared/time'
import { dateTimeText } from '../components/format'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { useStation } from '../shell/stationContext'

const POLL_MS = 1500
const ROLES: StoreHubRole[] = ['single', 'hub', 'join']
const CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/

/** A refusal in words: the hub's own reason for a refused pairing, else the station's error words. */
function failureText(t: TFunction, error: AppError): string {
  if (error.code === 'STORE_PAIRING_REFUSED') {
    const hubCode = (error.details as { hubCode?: unknown } | undefined)?.hubCode
    const key = `storeHub.refused.${typeof hubCode === 'string' ? hubCode : 'other'}`
    return t(key, { defaultValue: '' }) || t('storeHub.refused.other')
  }
  return errorText(t, error)
}

function reasonText(t: TFunction, reason: string): string {
  return t(`storeHub.reason.${reason}`, { defaultValue: '' }) || t('storeHub.reason.other')
}

export function StoreHubSection() {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const { info } = useStation()
  const [view, setView] = useState<StoreHubView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // The hub's state changes by itself (starting, a crash, a till pairing): read it while the page is open.
  useEffect(() => {
    let live = true
    const load = () =>
      void call('storeHub.get', undefined).then((r) => {
        if (live && r.ok) setView(r.value)
      })
    load()
    const timer = setInterval(load, POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [])

  const run = async (work: () => ReturnType<typeof call<'storeHub.get'>>) => {
    setBusy(true)
    setError(null)
    const r = await work()
    setBusy(false)
    if (r.ok) setView(r.value)
    else setError(failureText(t, r.error))
    return r.ok
  }

  const changeRole = (role: StoreHubRole) => {
    if (!view || role === view.role) return
    const apply = () => void run(() => call('storeHub.setRole', { role }))
    // Starting or stopping a hub affects every till of the store: ask first.
    if (role === 'hub' || view.role === 'hub')
      modal.confirm({
        title: t(role === 'hub' ? 'storeHub.confirmHubTitle' : 'storeHub.confirmLeaveTitle'),
        content: t(role === 'hub' ? 'storeHub.confirmHubBody' : 'storeHub.confirmLeaveBody'),
        okText: t('storeHub.confirmOk'),
        cancelText: t('storeHub.cancel'),
        okButtonProps: { 'data-testid': 'store-hub-confirm' } as never,
        onOk: apply
      })
    else apply()
  }

  if (!view) return null
  return (
    <Card title={t('storeHub.title')} data-testid="store-hub" style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('storeHub.intro')}</Typography.Paragraph>
      <Field label={t('storeHub.roleLabel')}>
        <Radio.Group
          value={view.role}
          onChange={(e) => changeRole(e.target.value as StoreHubRole)}
          disabled={busy}
          data-testid="store-hub-role"
        >
          <Space orientation="vertical">
            {ROLES.map((role) => (
              <Radio key={role} value={role} data-testid={`store-hub-role-${role}`}>
                <strong>{t(`storeHub.roles.${role}`)}</strong>
                <div className="field-help">{t(`storeHub.roleHelp.${role}`)}</div>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Field>
      {view.role === 'hub' && view.hub && (
        <HubPanel view={view} hub={view.hub} zone={info.timeZone} busy={busy} run={run} />
      )}
      {view.role === 'join' && <JoinPanel view={view} busy={busy} run={run} />}
      {error && <Alert type="error" title={error} style={{ marginTop: 16 }} data-testid="store-hub-error" />}
    </Card>
  )
}

type Run = (work: () => ReturnType<typeof call<'storeHub.get'>>) => Promise<boolean>

function HubPanel({
  hub,
  zone,
  busy,
  run,
  view
}: {
  view: StoreHubView
  hub: NonNullable<StoreHubView['hub']>
  zone: string
  busy: boolean
  run: Run
}) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const running = hub.state === 'running'
  // A running hub without a valid code: make one, so the manager sees a code at once.
  useEffect(() => {
    if (running && hub.pairing === null) void run(() => call('storeHub.newCode', undefined))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, hub.pairing === null])
  const stateType = running ? 'success' : hub.state === 'restarting' ? 'error' : 'info'
  // A hub that never got going did not "stop unexpectedly": it could not start (the reason says why).
  const stateKey =
    hub.state === 'restarting' && hub.reason !== null && hub.reason !== 'HUB_EXITED'
      ? 'failedStart'
      : hub.state
  const seconds = hub.retryInMs !== null ? Math.max(1, Math.ceil(hub.retryInMs / 1000)) : null
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={stateType}
        showIcon
        title={
          <span data-testid="store-hub-state" data-state={hub.state}>
            {t(`storeHub.state.${stateKey}`)}
          </span>
        }
        description={
          hub.reason || hub.restarts > 0 ? (
            <span data-testid="store-hub-reason">
              {hub.reason ? reasonText(t, hub.reason) : ''}
              {hub.state === 'restarting' && seconds ? ` ${t('storeHub.retryIn', { seconds })}` : ''}
              {hub.restarts > 0 ? ` · ${t('storeHub.restarts', { n: hub.restarts })}` : ''}
            </span>
          ) : undefined
        }
      />
      {(running || view.link.status !== 'not_paired') && <LinkLine view={view} />}
      {running && (
        <>
          <Field label={t('storeHub.addressesLabel')} help={t('storeHub.addressesHelp')}>
            <div className="store-hub-addresses" data-testid="store-hub-addresses">
              {hub.addresses.map((a) => (
                <Typography.Text key={a} code copyable className="store-hub-big">
                  {a.replace(/^http:\/\//, '')}
                </Typography.Text>
              ))}
            </div>
          </Field>
          <Field label={t('storeHub.codeLabel')}>
            <Space wrap>
              {hub.pairing ? (
                <>
                  <Typography.Text code className="store-hub-code" data-testid="store-hub-code">
                    {hub.pairing.code}
                  </Typography.Text>
                  <span className="field-help">
                    {t('storeHub.codeValid', { time: formatLocal(hub.pairing.expiresAt, zone, 'HH:mm') })}
                  </span>
                </>
              ) : (
                <span className="field-help">{t('storeHub.codeNone')}</span>
              )}
              <Button
                onClick={() => void run(() => call('storeHub.newCode', undefined))}
                disabled={!running || busy}
                data-testid="store-hub-new-code"
              >
                {t('storeHub.newCode')}
              </Button>
            </Space>
          </Field>
          <Typography.Text strong>{t('storeHub.tillsLabel')}</Typography.Text>
          <List
            size="small"
            bordered
            dataSource={hub.tills}
            locale={{ emptyText: t('storeHub.tillsNone') }}
            data-testid="store-hub-tills"
            renderItem={(till) => (
              <List.Item
                data-testid="store-hub-till"
                actions={
                  till.self || till.revokedAt !== null
                    ? []
                    : [
                        <Button
                          key="revoke"
                          size="small"
                          danger
                          disabled={busy}
                          onClick={() =>
                            modal.confirm({
                              title: t('storeHub.revokeTitle', { name: till.name }),
                              content: t('storeHub.revokeBody'),
                              okText: t('storeHub.revoke'),
                              cancelText: t('storeHub.cancel'),
                              okButtonProps: { danger: true },
                              onOk: () => void run(() => call('storeHub.revoke', { tillId: till.tillId }))
                            })
                          }
                        >
                          {t('storeHub.revoke')}
                        </Button>
                      ]
                }
              >
                <Space>
                  <strong>{till.name}</strong>
                  {till.self && <Tag>{t('storeHub.tillSelf')}</Tag>}
                  <span className="field-help">
                    {till.revokedAt !== null
                      ? t('storeHub.tillRevoked', { time: dateTimeText(till.revokedAt, zone) })
                      : t('storeHub.tillPaired', { time: dateTimeText(till.pairedAt, zone) })}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  )
}

function LinkLine({ view }: { view: StoreHubView }) {
  const { t } = useTranslation()
  const link = view.link
  const key = link.repairNeeded ? 'repair' : link.status
  const type = key === 'connected' ? 'success' : key === 'not_paired' ? 'info' : 'warning'
  return (
    <Alert
      type={type}
      showIcon
      data-testid="store-hub-link"
      data-state={link.status}
      title={t(`storeHub.link.${key}`)}
      description={
        link.hubUrl
          ? t('storeHub.join.paired', { address: link.hubUrl.replace(/^http:\/\//, '') })
          : undefined
      }
    />
  )
}

function JoinPanel({ view, busy, run }: { view: StoreHubView; busy: boolean; run: Run }) {
  const { t } = useTranslation()
  const [address, setAddress] = useState(view.link.hubUrl?.replace(/^http:\/\//, '') ?? '')
  const [code, setCode] = useState('')
  const [tried, setTried] = useState(false)
  const [found, setFound] = useState<string[] | null>(null)
  const [finding, setFinding] = useState(false)
  const codeOk = CODE.test(code.trim().toUpperCase())
  const addressOk = address.trim().length > 0

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (!codeOk || !addressOk) return
    if (await run(() => call('storeHub.join', { address: address.trim(), pairingCode: code.trim() }))) {
      setCode('')
      setTried(false)
    }
  }
  const find = async () => {
    setFinding(true)
    const r = await call('storeHub.discover', undefined)
    setFinding(false)
    setFound(r.ok ? r.value.map((u) => u.replace(/^http:\/\//, '')) : [])
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <LinkLine view={view} />
      <form onSubmit={(e) => void submit(e)} data-testid="store-hub-join">
        <Field
          label={t('storeHub.join.address')}
          help={t('storeHub.join.addressHelp')}
          error={tried && !addressOk ? t('storeHub.join.badAddress') : null}
        >
          <Input
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            data-testid="store-hub-address"
          />
        </Field>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button onClick={() => void find()} loading={finding} data-testid="store-hub-find">
            {finding ? t('storeHub.join.finding') : t('storeHub.join.find')}
          </Button>
          {found !== null &&
            (found.length === 0 ? (
              <span className="field-help" data-testid="store-hub-found-none">
                {t('storeHub.join.noneFound')}
              </span>
            ) : (
              <>
                <span className="field-help">{t('storeHub.join.found')}</span>
                {found.map((a) => (
                  <Button key={a} size="small" onClick={() => setAddress(a)} data-testid="store-hub-found">
                    {a}
                  </Button>
                ))}
              </>
            ))}
        </Space>
        <Field
          label={t('storeHub.join.code')}
          help={t('storeHub.join.codeHelp')}
          error={tried && !codeOk ? t('storeHub.join.badCode') : null}
        >
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={9}
            autoComplete="off"
            className="store-hub-code-input"
            data-testid="store-hub-code-input"
          />
        </Field>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="store-hub-pair">
          {busy ? t('storeHub.join.pairing') : t('storeHub.join.submit')}
        </Button>
      </form>
    </Space>
  )
}
