/**
 * Set-up (the Settings page, managers only): store → connection (training / WeChat direct / token service,
 * with "test connection") → offline policy → done (save, and go live once a WeChat connection is saved).
 * Secrets are write-only: the page shows whether one is set and sends a new one only when typed.
 */
import { Alert, Button, Card, Input, InputNumber, List, Radio, Space, Steps, Switch, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { RulesPolicy } from '../../../shared/rules'
import type { AppError } from '../../../shared/result'
import {
  minutesToHhmm,
  setupInputSchema,
  type ConnectionTestResult,
  type SetupInput,
  type SetupView,
  type UpstreamInput
} from '../../../shared/setup'
import { describeErrcode } from '../../../shared/sync'
import { Field } from '../components/Field'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'

type Kind = 'training' | 'wechat' | 'tokenService'

interface Draft {
  storeName: string
  storeLocationId: string
  stationName: string
  timeZone: string
  cutoff: string
  kind: Kind
  baseUrl: string
  appId: string
  appSecret: string
  url: string
  stationKey: string
  policy: RulesPolicy
}

function draftOf(view: SetupView): Draft {
  const up = view.upstream
  return {
    storeName: view.store.storeName,
    storeLocationId: view.store.storeLocationId === null ? '' : String(view.store.storeLocationId),
    stationName: view.store.stationName,
    timeZone: view.store.timeZone,
    cutoff: minutesToHhmm(view.store.cutoffMinutes),
    kind: up.kind,
    baseUrl: up.kind === 'wechat' ? (up.baseUrl ?? '') : '',
    appId: up.kind === 'wechat' ? up.appId : '',
    appSecret: '',
    url: up.kind === 'tokenService' ? up.url : '',
    stationKey: '',
    policy: view.policy
  }
}

function upstreamOf(d: Draft): UpstreamInput {
  if (d.kind === 'wechat')
    return {
      kind: 'wechat',
      appId: d.appId.trim(),
      ...(d.baseUrl.trim() ? { baseUrl: d.baseUrl.trim() } : {}),
      ...(d.appSecret ? { appSecret: d.appSecret } : {})
    }
  if (d.kind === 'tokenService')
    return { kind: 'tokenService', url: d.url.trim(), ...(d.stationKey ? { stationKey: d.stationKey } : {}) }
  return { kind: 'training' }
}

function inputOf(d: Draft): SetupInput {
  const poi = d.storeLocationId.trim()
  return {
    store: {
      storeName: d.storeName,
      storeLocationId: poi === '' ? null : Number(poi),
      stationName: d.stationName,
      timeZone: d.timeZone.trim(),
      cutoff: d.cutoff.trim()
    },
    upstream: upstreamOf(d),
    policy: d.policy
  }
}

const yuan = (fen: number): number => fen / 100
const fen = (value: number | null): number => Math.round((value ?? 0) * 100)

export function SetupPage() {
  const { t } = useTranslation()
  const [view, setView] = useState<SetupView | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [step, setStep] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [liveMessage, setLiveMessage] = useState<string | null>(null)

  const load = useCallback(() => {
    void call('setup.get', undefined).then((r) => {
      if (r.ok) {
        setView(r.value)
        setDraft(draftOf(r.value))
      } else setError(errorText(t, r.error))
    })
  }, [t])
  useEffect(load, [load])

  if (!draft || !view) return error ? <Alert type="error" title={error} /> : null

  const patch = (p: Partial<Draft>) => {
    setSaved(false)
    setDraft({ ...draft, ...p })
  }
  const patchPolicy = (p: Partial<RulesPolicy['offline']>) =>
    patch({ policy: { ...draft.policy, offline: { ...draft.policy.offline, ...p } } })

  const issues = (() => {
    const parsed = setupInputSchema.safeParse(inputOf(draft))
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  })()

  const save = async () => {
    const r = await call('setup.save', inputOf(draft))
    if (!r.ok) return setError(errorText(t, r.error as AppError))
    setError(null)
    setSaved(true)
    setView(r.value)
    setDraft(draftOf(r.value))
  }

  const goLive = async () => {
    const r = await call('setup.goLive', undefined)
    if (!r.ok) return setError(errorText(t, r.error))
    setError(null)
    setLiveMessage(t(r.value.restartsItself ? 'goLive.restartsItself' : 'goLive.restartYourself'))
  }

  const steps = [
    { key: 'store', title: t('setup.steps.store') },
    { key: 'upstream', title: t('setup.steps.upstream') },
    { key: 'policy', title: t('setup.steps.policy') },
    { key: 'done', title: t('setup.steps.done') }
  ]

  return (
    <Card title={t(view.firstRun ? 'setup.titleFirstRun' : 'setup.title')} data-testid="setup-page">
      <Steps current={step} items={steps.map((s) => ({ title: s.title }))} style={{ marginBottom: 24 }} />
      {step === 0 && <StoreStep draft={draft} patch={patch} />}
      {step === 1 && <UpstreamStep draft={draft} patch={patch} view={view} upstream={upstreamOf(draft)} />}
      {step === 2 && <PolicyStep policy={draft.policy} patchPolicy={patchPolicy} />}
      {step === 3 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {issues.length > 0 && (
            <Alert
              type="warning"
              title={t('setup.done.fix')}
              description={issues.join('\n')}
              data-testid="setup-issues"
            />
          )}
          {saved && (
            <Alert
              type="success"
              title={t('setup.done.saved')}
              // What the save changed in the running station: a live connection at once; in training
              // the sandbox stays, and a WeChat connection is used once the station went live (a restart).
              description={
                view.mode === 'live'
                  ? t('setup.done.appliedLive')
                  : view.upstream.kind === 'training'
                    ? undefined
                    : t('setup.done.appliedAtGoLive')
              }
              data-testid="setup-saved"
            />
          )}
          {!view.secretsEncrypted && <Alert type="warning" title={t('setup.done.plainSecrets')} />}
          <Button
            type="primary"
            disabled={issues.length > 0}
            onClick={() => void save()}
            data-testid="setup-save"
          >
            {t('setup.done.save')}
          </Button>
          {view.mode === 'training' && saved && view.upstream.kind !== 'training' && (
            <Alert
              type="info"
              title={t('setup.done.liveTitle')}
              description={t('setup.done.liveBody')}
              action={
                <Button danger onClick={() => void goLive()} data-testid="setup-go-live">
                  {t('setup.done.goLive')}
                </Button>
              }
            />
          )}
          {liveMessage && <Alert type="warning" title={liveMessage} data-testid="setup-restart" />}
        </Space>
      )}
      {error && <Alert type="error" title={error} style={{ marginTop: 16 }} data-testid="setup-error" />}
      <Space style={{ marginTop: 24 }}>
        <Button disabled={step === 0} onClick={() => setStep(step - 1)} data-testid="setup-back">
          {t('setup.back')}
        </Button>
        <Button
          disabled={step === steps.length - 1}
          onClick={() => setStep(step + 1)}
          data-testid="setup-next"
        >
          {t('setup.next')}
        </Button>
      </Space>
    </Card>
  )
}

/** A failed connection test in words: its outcome code, and for REFUSED the errcode's own words. */
function connectionTestText(t: TFunction, failure: Extract<ConnectionTestResult, { ok: false }>): string {
  const errcode = failure.errcode ?? 0
  return t(`connectionTest.${failure.outcome}`, { errcode, text: describeErrcode(t, errcode) })
}

function StoreStep({ draft, patch }: { draft: Draft; patch: (p: Partial<Draft>) => void }) {
  const { t } = useTranslation()
  return (
    <div style={{ maxWidth: 480 }}>
      <Field label={t('setup.store.storeName')}>
        <Input
          value={draft.storeName}
          onChange={(e) => patch({ storeName: e.target.value })}
          data-testid="setup-store-name"
        />
      </Field>
      <Field label={t('setup.store.storeLocationId')} help={t('setup.store.storeLocationIdHelp')}>
        <Input
          value={draft.storeLocationId}
          inputMode="numeric"
          onChange={(e) => patch({ storeLocationId: e.target.value })}
          data-testid="setup-store-poi"
        />
      </Field>
      <Field label={t('setup.store.stationName')}>
        <Input
          value={draft.stationName}
          onChange={(e) => patch({ stationName: e.target.value })}
          data-testid="setup-station-name"
        />
      </Field>
      <Field label={t('setup.store.timeZone')} help={t('setup.store.timeZoneHelp')}>
        <Input
          value={draft.timeZone}
          onChange={(e) => patch({ timeZone: e.target.value })}
          data-testid="setup-time-zone"
        />
      </Field>
      <Field label={t('setup.store.cutoff')} help={t('setup.store.cutoffHelp')}>
        <Input
          value={draft.cutoff}
          placeholder="04:00"
          onChange={(e) => patch({ cutoff: e.target.value })}
          data-testid="setup-cutoff"
        />
      </Field>
    </div>
  )
}

function UpstreamStep({
  draft,
  patch,
  view,
  upstream
}: {
  draft: Draft
  patch: (p: Partial<Draft>) => void
  view: SetupView
  upstream: UpstreamInput
}) {
  const { t } = useTranslation()
  const [testing, setTesting] = useState(false)
  const [result, setResult] = useState<ConnectionTestResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const secretSet = view.upstream.kind === 'wechat' ? view.upstream.appSecret.set : false
  const keySet = view.upstream.kind === 'tokenService' ? view.upstream.stationKey.set : false

  const test = async () => {
    setTesting(true)
    setResult(null)
    setFailure(null)
    const r = await call('setup.testConnection', { upstream })
    setTesting(false)
    if (r.ok) setResult(r.value)
    else setFailure(errorText(t, r.error))
  }

  return (
    <div style={{ maxWidth: 560 }}>
      <Radio.Group
        value={draft.kind}
        onChange={(e) => {
          setResult(null)
          patch({ kind: e.target.value as Kind })
        }}
        style={{ marginBottom: 16 }}
      >
        <Radio.Button value="training">
          <span data-testid="setup-kind-training">{t('setup.upstream.training')}</span>
        </Radio.Button>
        <Radio.Button value="wechat">
          <span data-testid="setup-kind-wechat">{t('setup.upstream.wechat')}</span>
        </Radio.Button>
        <Radio.Button value="tokenService">
          <span data-testid="setup-kind-token">{t('setup.upstream.tokenService')}</span>
        </Radio.Button>
      </Radio.Group>
      <Typography.Paragraph type="secondary">{t(`setup.upstream.${draft.kind}Help`)}</Typography.Paragraph>
      {draft.kind === 'wechat' && (
        <>
          <Field label={t('setup.upstream.appId')}>
            <Input
              value={draft.appId}
              placeholder="wx1234567890abcdef"
              onChange={(e) => patch({ appId: e.target.value })}
              data-testid="setup-app-id"
            />
          </Field>
          <Field
            label={t('setup.upstream.appSecret')}
            help={t(secretSet ? 'setup.upstream.secretSet' : 'setup.upstream.secretNotSet')}
          >
            <Input.Password
              value={draft.appSecret}
              autoComplete="off"
              onChange={(e) => patch({ appSecret: e.target.value })}
              data-testid="setup-app-secret"
            />
          </Field>
          <Field label={t('setup.upstream.baseUrl')} help={t('setup.upstream.baseUrlHelp')}>
            <Input
              value={draft.baseUrl}
              placeholder="https://api.weixin.qq.com"
              onChange={(e) => patch({ baseUrl: e.target.value })}
              data-testid="setup-base-url"
            />
          </Field>
        </>
      )}
      {draft.kind === 'tokenService' && (
        <>
          <Field label={t('setup.upstream.url')}>
            <Input
              value={draft.url}
              onChange={(e) => patch({ url: e.target.value })}
              data-testid="setup-token-url"
            />
          </Field>
          <Field
            label={t('setup.upstream.stationKey')}
            help={t(keySet ? 'setup.upstream.secretSet' : 'setup.upstream.secretNotSet')}
          >
            <Input.Password
              value={draft.stationKey}
              autoComplete="off"
              onChange={(e) => patch({ stationKey: e.target.value })}
            />
          </Field>
        </>
      )}
      <Button onClick={() => void test()} loading={testing} data-testid="setup-test">
        {t('setup.upstream.test')}
      </Button>
      {result?.ok === true && (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          title={t('setup.upstream.found', { count: result.cardCount })}
          data-testid="setup-test-ok"
          description={
            <List
              size="small"
              dataSource={result.titles}
              renderItem={(title) => <List.Item data-testid="setup-card-title">{title}</List.Item>}
            />
          }
        />
      )}
      {result?.ok === false && (
        <Alert
          type="error"
          style={{ marginTop: 16 }}
          title={connectionTestText(t, result)}
          data-testid="setup-test-error"
        />
      )}
      {failure && (
        <Alert type="error" style={{ marginTop: 16 }} title={failure} data-testid="setup-test-error" />
      )}
    </div>
  )
}

function PolicyStep({
  policy,
  patchPolicy
}: {
  policy: RulesPolicy
  patchPolicy: (p: Partial<RulesPolicy['offline']>) => void
}) {
  const { t } = useTranslation()
  const o = policy.offline
  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('setup.policy.intro')}</Typography.Paragraph>
      <Field label={t('setup.policy.maxFaceValue')} help={t('setup.policy.maxFaceValueHelp')}>
        <InputNumber
          min={0}
          step={1}
          value={yuan(o.maxFaceValueFen)}
          onChange={(v) => patchPolicy({ maxFaceValueFen: fen(v) })}
          addonAfter="¥"
          data-testid="setup-max-face"
        />
      </Field>
      <Field label={t('setup.policy.maxPerDay')} help={t('setup.policy.maxPerDayHelp')}>
        <InputNumber
          min={0}
          step={1}
          value={o.maxPerBusinessDay}
          onChange={(v) => patchPolicy({ maxPerBusinessDay: v ?? 0 })}
          data-testid="setup-max-per-day"
        />
      </Field>
      <Field label={t('setup.policy.allowUnknown')} help={t('setup.policy.allowUnknownHelp')}>
        <Switch checked={o.allowUnknownCards} onChange={(v) => patchPolicy({ allowUnknownCards: v })} />
      </Field>
      <Field label={t('setup.policy.managerOverride')} help={t('setup.policy.managerOverrideHelp')}>
        <Switch checked={o.managerOverride} onChange={(v) => patchPolicy({ managerOverride: v })} />
      </Field>
    </div>
  )
}
