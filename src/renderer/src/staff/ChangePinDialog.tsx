/**
 * A person changes their own PIN: the current PIN proves it is them (main counts a wrong one towards the
 * lockout, like a wrong sign-in), then the new PIN twice. Opened from the sign-in screen for the chosen
 * name, and from the staff page for the signed-in manager.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd'
import { KeyOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { NewPinFields } from './NewPinFields'

interface ChangePinValues {
  oldPin: string
  pin: string
  pinAgain: string
}

interface ChangePinDialogProps {
  staff: StaffSummary | null
  onClose: () => void
  onChanged: (who: StaffSummary) => void
}

export function ChangePinDialog({ staff, onClose, onChanged }: ChangePinDialogProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ChangePinValues>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const submit = async (values: ChangePinValues) => {
    if (!staff) return
    setBusy(true)
    const r = await call('staff.changePin', {
      staffId: staff.staffId,
      oldPin: values.oldPin,
      newPin: values.pin
    })
    setBusy(false)
    if (!r.ok) {
      form.setFieldValue('oldPin', '')
      return setError(r.error)
    }
    setError(null)
    form.resetFields()
    onChanged(r.value)
  }

  const close = () => {
    setError(null)
    form.resetFields()
    onClose()
  }

  return (
    <Modal
      open={staff !== null}
      onCancel={close}
      footer={null}
      destroyOnHidden
      title={
        <span>
          <KeyOutlined aria-hidden /> {t('changePin.title', { name: staff?.name ?? '' })}
        </span>
      }
      data-testid="change-pin-dialog"
    >
      <Typography.Paragraph>{t('changePin.intro')}</Typography.Paragraph>
      <Form<ChangePinValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('changePin.oldPin')}
          name="oldPin"
          rules={[{ required: true, message: t('changePin.oldPinRequired') }]}
        >
          <Input.Password inputMode="numeric" maxLength={8} autoComplete="off" data-testid="change-pin-old" />
        </Form.Item>
        <NewPinFields
          testIdPrefix="change-pin-new"
          labels={{ pin: t('changePin.newPin'), again: t('changePin.newPinAgain') }}
        />
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-note"
            data-testid="change-pin-error"
            data-code={error.code}
            title={errorText(t, error)}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          block
          className="form-note"
          data-testid="change-pin-submit"
        >
          {t('changePin.submit')}
        </Button>
      </Form>
    </Modal>
  )
}
