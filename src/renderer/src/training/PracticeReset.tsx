/**
 * A manager's "reset practice" on the training sheet: a confirmation that says exactly what happens (docs/ui.md
 * § Training sheet), then training.resetPractice. Main refuses it on a live station and for a cashier; the
 * button is only a convenience.
 */
import { Alert, Button, Modal } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PracticeResetResult } from '../../../shared/ipc/contracts/training'
import type { AppError } from '../../../shared/result'
import { DANGER_BUTTON } from '../pages/manager/text'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'

export function PracticeReset({ onDone }: { onDone: (result: PracticeResetResult) => void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<PracticeResetResult | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const reset = async () => {
    setBusy(true)
    setError(null)
    const result = await call('training.resetPractice', { reason: t('training.reset.voidReason') })
    setBusy(false)
    setConfirming(false)
    if (!result.ok) return setError(result.error)
    setDone(result.value)
    onDone(result.value)
  }

  return (
    <div className="practice-reset">
      <Button
        icon={<ReloadOutlined />}
        data-testid="practice-reset"
        onClick={() => {
          setDone(null)
          setConfirming(true)
        }}
      >
        {t('training.reset.button')}
      </Button>
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="practice-reset-done"
          title={t('training.reset.done', { count: done.cleared })}
        />
      )}
      {error && (
        <Alert type="error" showIcon data-testid="practice-reset-error" title={errorText(t, error)} />
      )}
      <Modal
        open={confirming}
        title={t('training.reset.confirmTitle')}
        okText={t('training.reset.confirm')}
        cancelText={t('training.reset.cancel')}
        okButtonProps={{ style: DANGER_BUTTON, loading: busy, 'data-testid': 'practice-reset-confirm' }}
        cancelButtonProps={{ 'data-testid': 'practice-reset-cancel' }}
        onOk={() => void reset()}
        onCancel={() => setConfirming(false)}
      >
        <ul className="practice-reset-list" data-testid="practice-reset-what">
          <li>{t('training.reset.whatCodes')}</li>
          <li>{t('training.reset.whatLedger')}</li>
          <li>{t('training.reset.whatHours')}</li>
          <li>{t('training.reset.whatKept')}</li>
        </ul>
      </Modal>
    </div>
  )
}
