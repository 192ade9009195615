/**
 * The HQ page's shell: antd in the page's language (zh-CN first, an English switch), sign-in, then four tabs —
 * the business day, stores gone quiet, cross-store duplicates, stores and tills (docs/hq.md § Pages).
 */
import { App as AntApp, Alert, Button, Card, ConfigProvider, Form, Input, Tabs, Tag } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HQ_PATHS, type HqUserView } from '../../shared/hub/hqProtocol'
import { setLanguage } from '../src/i18n'
import { HqApiError, getJson, postJson } from './api'
import { errorText } from './format'
import { DayPage } from './pages/DayPage'
import { DuplicatesPage } from './pages/DuplicatesPage'
import { QuietPage } from './pages/QuietPage'
import { TillsPage } from './pages/TillsPage'

const THEME = {
  token: {
    fontSize: 15,
    colorPrimary: '#0958D9',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    motion: false
  }
} as const

function SignIn({ onSignedIn }: { onSignedIn: (user: HqUserView) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true)
    setError(null)
    try {
      const { user } = await postJson<{ user: HqUserView }>(HQ_PATHS.session, values)
      onSignedIn(user)
    } catch (err) {
      setError(errorText(err, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card className="hq-signin" title={t('hq.signIn.title')}>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />
      )}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="login"
          label={t('hq.signIn.login')}
          rules={[{ required: true, message: t('hq.signIn.required') }]}
        >
          <Input autoComplete="username" data-testid="signin-login" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('hq.signIn.password')}
          rules={[{ required: true, message: t('hq.signIn.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="signin-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
          {t('hq.signIn.submit')}
        </Button>
      </Form>
    </Card>
  )
}

function Shell() {
  const { t, i18n } = useTranslation()
  const [user, setUser] = useState<HqUserView | null | undefined>(undefined)
  const [tab, setTab] = useState(() => new URLSearchParams(location.search).get('tab') ?? 'day')

  useEffect(() => {
    getJson<{ user: HqUserView }>(HQ_PATHS.me).then(
      (v) => setUser(v.user),
      () => setUser(null)
    )
  }, [])
  const signedOut = useCallback((err: unknown) => {
    if (err instanceof HqApiError && err.code === 'SIGNED_OUT') setUser(null)
  }, [])
  const signOut = async () => {
    await postJson(HQ_PATHS.signOut, {}).catch(() => undefined)
    setUser(null)
  }
  const language = (
    <Button
      size="small"
      onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
      data-testid="switch-language"
    >
      {t('hq.switchLanguage')}
    </Button>
  )

  return (
    <>
      <header className="hq-header">
        <h1>{t('hq.title')}</h1>
        {user && (
          <span className="hq-user" data-testid="hq-user">
            {user.name}{' '}
            <Tag color={user.role === 'hq_admin' ? 'gold' : 'blue'}>
              {t(`hq.role.${user.role}`, { region: user.region })}
            </Tag>
          </span>
        )}
        {language}
        {user && (
          <Button size="small" onClick={() => void signOut()} data-testid="sign-out">
            {t('hq.signOut')}
          </Button>
        )}
      </header>
      <main className="hq-body">
        {user === null && <SignIn onSignedIn={setUser} />}
        {user && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              { key: 'day', label: t('hq.nav.day'), children: <DayPage onError={signedOut} /> },
              { key: 'quiet', label: t('hq.nav.quiet'), children: <QuietPage onError={signedOut} /> },
              {
                key: 'duplicates',
                label: t('hq.nav.duplicates'),
                children: <DuplicatesPage onError={signedOut} />
              },
              {
                key: 'tills',
                label: t('hq.nav.tills'),
                children: <TillsPage user={user} onError={signedOut} />
              }
            ]}
          />
        )}
      </main>
    </>
  )
}

export function HqApp() {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  )
}
