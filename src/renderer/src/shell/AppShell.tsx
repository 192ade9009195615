/** The frame around every page: product name, mode, version, language; the TRAINING banner. */
import { Alert, Descriptions, Layout, Segmented, Spin, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { setLanguage, type Language } from '../i18n'
import { useChannel } from './useChannel'

export function AppShell() {
  const { t, i18n } = useTranslation()
  const info = useChannel('app.info')
  const ping = useChannel('db.ping')

  if (info.state === 'loading') return <Spin fullscreen tip={t('app.loading')} />
  if (info.state === 'error') return <Alert type="error" showIcon title={info.error.message} />
  const { mode, version, schemaVersion, timeZone, runtime } = info.value

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mode === 'training' && (
        <Alert banner type="warning" title={t('app.trainingBanner')} data-testid="training-banner" />
      )}
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#1f2937' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Tag color={mode === 'training' ? 'orange' : 'green'} data-testid="app-mode" data-mode={mode}>
          {t(`app.mode.${mode}`)}
        </Tag>
        <span style={{ color: '#d1d5db' }} data-testid="app-version" data-version={version}>
          {t('app.version', { version })}
        </span>
        <Segmented<Language>
          style={{ marginLeft: 'auto' }}
          value={i18n.language === 'en' ? 'en' : 'zh-CN'}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en' }
          ]}
          onChange={setLanguage}
          aria-label={t('app.language')}
        />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Descriptions bordered column={1}>
          <Descriptions.Item label={t('shell.schemaVersion')}>
            <span data-testid="app-schema">{schemaVersion}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('shell.timeZone')}>
            <span data-testid="app-timezone">{timeZone}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('shell.runtime')}>
            {runtime === 'electron' ? t('shell.runtimeElectron') : t('shell.runtimeHost')}
          </Descriptions.Item>
          <Descriptions.Item label={t('shell.database')}>
            <span data-testid="db-status" data-state={ping.state}>
              {ping.state === 'ok' && t('shell.databaseOk', { micros: ping.value.roundTripMicros })}
              {ping.state === 'error' && t('shell.databaseFailed', { message: ping.error.message })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      </Layout.Content>
    </Layout>
  )
}
