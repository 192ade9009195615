/**
 * Set-up (the Settings page, managers only): store → connection (training / WeChat direct / token service,
 * with "test connection") → offline policy → done (save, and go live once a WeChat connection is saved).
 * Secrets are write-only: the page shows whether one is set and sends a new one only when typed.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  InputNumber,
  List,
  Radio,
  Space,
  Steps,
  Switch,
  Typography,
  type ButtonProps
} from 'antd'
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
import { useStation } from '../shell/stationContext'

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

/** Which step holds a field (the schema path's first part), so each step checks its own fields. */
const STEP_OF: Readonly<Record<string, number>> = { store: 0, upstream: 1, policy: 2 }
/** Fields with their own plain-words message (setup.invalid.<field>); others get setup.invalid.other. */
const NAMED_FIELDS = new Set([
  'storeName',
  'storeLocationId',
  'stationName',
  'timeZone',
  'cutoff',
  'appId',
  'appSecret',
  'baseUrl',
  'url',
  'stationKey'
])

/** The draft's problems as field → key in the catalogue, per step: never the schema's English text. */
function problemsOf(d: Draft): Map<string, { step: number; key: string }> {
  const parsed = setupInputSchema.safeParse(inputOf(d))
  const found = new Map<string, { step: number; key: string }>()
  if (parsed.success) return found
  for (const issue of parsed.error.issues) {
    const [group, field] = issue.path.map(String)
    const name = field !== undefined && NAMED_FIELDS.has(field) ? field : 'other'
    const where = `${group ?? ''}.${field ?? ''}`
    if (!found.has(where)) found.set(where, { step: STEP_OF[group ?? ''] ?? 3, key: `setup.invalid.${name}` })
  }
  return found
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
  /** The last connection test of the connection as it is in the form: null when not tried since a change. */
  const [tested, setTested] = useState<'ok' | 'failed' | null>(null)
  const { refreshLabel } = useStation()
  const { modal } = App.useApp()

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
    if (UPSTREAM_KEYS.some((k) => k in p)) setTested(null)
    setDraft({ ...draft, ...p })
  }
  const patchPolicy = (p: Partial<RulesPolicy['offline']>) =>
    patch({ policy: { ...draft.policy, offline: { ...draft.policy.offline, ...p } } })

  const problems = problemsOf(draft)
  const issues = [...problems.values()].map((p) => t(p.key))
  /** The plain-words problem of one field (shown under it), e.g. errorOf('store.timeZone'). */
  const errorOf = (where: string): string | null => {
    const p = problems.get(where)
    return p ? t(p.key) : null
  }
  const stepHasProblems = [...problems.values()].some((p) => p.step === step)

  const save = async () => {
    const r = await call('setup.save', inputOf(draft))
    if (!r.ok) return setError(errorText(t, r.error as AppError))
    setError(null)
    setSaved(true)
    setView(r.value)
    setDraft(draftOf(r.value))
    // The header shows the store and till names: it follows a save at once, not after a reload.
    refreshLabel()
  }

  const doGoLive = async () => {
    const r = await call('setup.goLive', undefined)
    if (!r.ok) return setError(errorText(t, r.error))
    setError(null)
    setLiveMessage(t(r.value.restartsItself ? 'goLive.restartsItself' : 'goLive.restartYourself'))
  }

  // Going live with a connection that failed its test (or was never tested) takes an explicit "yes".
  const goLive = () => {
    if (tested === 'ok') return void doGoLive()
    modal.confirm({
      title: t('setup.done.goLiveUntestedTitle'),
      content: t(tested === 'failed' ? 'setup.done.goLiveFailedBody' : 'setup.done.goLiveUntestedBody'),
      okText: t('setup.done.goLiveAnyway'),
      okButtonProps: { danger: true, 'data-testid': 'setup-go-live-anyway' } as ButtonProps,
      cancelText: t('setup.done.goLiveBack'),
      onOk: () => doGoLive()
    })
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
      {step === 0 && <StoreStep draft={draft} patch={patch} errorOf={errorOf} />}
      {step === 1 && (
        <UpstreamStep
          draft={draft}
          patch={patch}
          view={view}
          upstream={upstreamOf(draft)}
          errorOf={errorOf}
          onTested={setTested}
        />
      )}
      {step === 2 && (
        <PolicyStep
          policy={draft.policy}
          patchRules={(p) => patch({ policy: { ...draft.policy, ...p } })}
          patchPolicy={patchPolicy}
          errorOf={errorOf}
        />
      )}
      {step === 3 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {issues.length > 0 && (
            <Alert
              type="warning"
              title={t('setup.done.fix')}
              description={
                <ul className="setup-issue-list">
                  {issues.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              }
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
                <Button danger onClick={goLive} data-testid="setup-go-live">
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
          // Each step's fields are checked on that step (shown under each field), before going on.
          disabled={step === steps.length - 1 || stepHasProblems}
          onClick={() => setStep(step + 1)}
          data-testid="setup-next"
        >
          {t('setup.next')}
        </Button>
        {stepHasProblems && (
          <span className="field-error" data-testid="setup-step-problems">
            {t('setup.stepProblems')}
          </span>
        )}
      </Space>
    </Card>
  )
}

/** A failed connection test in words: its outcome code, and for REFUSED the errcode's own words. */
function connectionTestText(t: TFunction, failure: Extract<ConnectionTestResult, { ok: false }>): string {
  const errcode = failure.errcode ?? 0
  return t(`connectionTest.${failure.outcome}`, { errcode, text: describeErrcode(t, errcode) })
}

const UPSTREAM_KEYS: readonly (keyof Draft)[] = ['kind', 'baseUrl', 'appId', 'appSecret', 'url', 'stationKey']

type ErrorOf = (where: string) => string | null

function StoreStep({
  draft,
  patch,
  errorOf
}: {
  draft: Draft
  patch: (p: Partial<Draft>) => void
  errorOf: ErrorOf
}) {
  const { t } = useTranslation()
  return (
    <div style={{ maxWidth: 480 }}>
      <Field label={t('setup.store.storeName')} error={errorOf('store.storeName')}>
        <Input
          value={draft.storeName}
          onChange={(e) => patch({ storeName: e.target.value })}
          data-testid="setup-store-name"
        />
      </Field>
      <Field
        label={t('setup.store.storeLocationId')}
        help={t('setup.store.storeLocationIdHelp')}
        error={errorOf('store.storeLocationId')}
      >
        <Input
          value={draft.storeLocationId}
          inputMode="numeric"
          onChange={(e) => patch({ storeLocationId: e.target.value })}
          data-testid="setup-store-poi"
        />
      </Field>
      <Field label={t('setup.store.stationName')} error={errorOf('store.stationName')}>
        <Input
          value={draft.stationName}
          onChange={(e) => patch({ stationName: e.target.value })}
          data-testid="setup-station-name"
        />
      </Field>
      <Field
        label={t('setup.store.timeZone')}
        help={t('setup.store.timeZoneHelp')}
        error={errorOf('store.timeZone')}
      >
        <Input
          value={draft.timeZone}
          onChange={(e) => patch({ timeZone: e.target.value })}
          data-testid="setup-time-zone"
        />
      </Field>
      <Field
        label={t('setup.store.cutoff')}
        help={t('setup.store.cutoffHelp')}
        error={errorOf('store.cutoff')}
      >
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
  upstream,
  errorOf,
  onTested
}: {
  draft: Draft
  patch: (p: Partial<Draft>) => void
  view: SetupView
  upstream: UpstreamInput
  errorOf: ErrorOf
  onTested: (result: 'ok' | 'failed') => void
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
    onTested(r.ok && r.value.ok ? 'ok' : 'failed')
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
          <Field label={t('setup.upstream.appId')} error={errorOf('upstream.appId')}>
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
          <Field
            label={t('setup.upstream.baseUrl')}
            help={t('setup.upstream.baseUrlHelp')}
            error={errorOf('upstream.baseUrl')}
          >
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
          <Field label={t('setup.upstream.url')} error={errorOf('upstream.url')}>
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
  patchRules,
  patchPolicy,
  errorOf
}: {
  policy: RulesPolicy
  patchRules: (p: Partial<Omit<RulesPolicy, 'offline'>>) => void
  patchPolicy: (p: Partial<RulesPolicy['offline']>) => void
  errorOf: ErrorOf
}) {
  const { t } = useTranslation()
  const o = policy.offline
  return (
    <div style={{ maxWidth: 560 }}>
      {/* What the counter enforces online and offline (the same policy decide() reads); saving is audited as
          "approval rules changed" with before → after. */}
      <h3 className="section-title">{t('setup.rules.title')}</h3>
      <Typography.Paragraph type="secondary">{t('setup.rules.intro')}</Typography.Paragraph>
      <Field
        label={t('setup.rules.highValue')}
        help={t('setup.rules.highValueHelp')}
        error={errorOf('policy.highValueFen')}
      >
        <InputNumber
          min={0.01}
          step={10}
          precision={2}
          value={yuan(policy.highValueFen)}
          onChange={(v) => patchRules({ highValueFen: fen(v) })}
          addonAfter="¥"
          data-testid="setup-high-value"
        />
      </Field>
      <Field
        label={t('setup.rules.maxShare')}
        help={t('setup.rules.maxShareHelp')}
        error={errorOf('policy.maxDiscountShareOfBill')}
      >
        <InputNumber
          min={1}
          max={100}
          step={5}
          value={policy.maxDiscountShareOfBill}
          onChange={(v) => patchRules({ maxDiscountShareOfBill: v ?? 0 })}
          addonAfter="%"
          data-testid="setup-max-share"
        />
      </Field>
      <Field
        label={t('setup.rules.velocity')}
        help={t('setup.rules.velocityHelp')}
        error={errorOf('policy.velocityMaxPerDay')}
      >
        <InputNumber
          min={0}
          max={1000}
          step={1}
          value={policy.velocityMaxPerDay}
          onChange={(v) => patchRules({ velocityMaxPerDay: v ?? 0 })}
          data-testid="setup-velocity"
        />
      </Field>
      <h3 className="section-title">{t('setup.rules.offlineTitle')}</h3>
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
