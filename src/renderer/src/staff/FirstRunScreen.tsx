/** The very first start: create the first manager (name and PIN twice); they are signed in at once. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NewPinFields } from './NewPinFields'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'

interface FirstRunValues {
  name: string
  pin: string
  pinAgain: string
}

export function FirstRunScreen({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const create = async (values: FirstRunValues) => {
    setBusy(true)
    const result = await call('staff.firstManager', { name: values.name.trim(), pin: values.pin })
    setBusy(false)
    if (result.ok) onCreated()
    else setError(result.error)
  }

  return (
    <Card className="gate-card" title={<h1 className="gate-title">{t('firstRun.title')}</h1>}>
      <Typography.Paragraph>{t('firstRun.intro')}</Typography.Paragraph>
      <Form<FirstRunValues>
        layout="vertical"
        size="large"
        onFinish={(v) => void create(v)}
        requiredMark={false}
      >
        <Form.Item
          label={t('firstRun.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('firstRun.nameRequired') }]}
        >
          <Input autoFocus autoComplete="off" maxLength={40} data-testid="firstrun-name" />
        </Form.Item>
        <NewPinFields testIdPrefix="firstrun" />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          data-testid="firstrun-submit"
        >
          {t('firstRun.create')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={errorText(t, error)} />}
    </Card>
  )
}
