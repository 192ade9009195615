/**
 * A manager approves on the cashier's screen: pick the manager, type their PIN. Main checks it and returns a
 * one-time token bound to this scan; a wrong PIN is refused here with the reason.
 */
import { Alert, Button, Modal } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { PinPad } from './PinPad'

interface ManagerPinDialogProps {
  open: boolean
  purpose: 'redeem' | 'void' | 'offline_override'
  subject: string
  onApproved: (token: string, managerName: string) => void
  onCancel: () => void
}

export function ManagerPinDialog({ open, purpose, subject, onApproved, onCancel }: ManagerPinDialogProps) {
  const { t } = useTranslation()
  const [managers, setManagers] = useState<StaffSummary[]>([])
  const [chosen, setChosen] = useState<string | null>(null)
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    if (!open) return
    void call('staff.list', undefined).then((r) => {
      if (!r.ok) return setError(r.error)
      const list = r.value.filter((s) => s.role === 'manager')
      setManagers(list)
      setChosen((c) => c ?? (list.length === 1 ? (list[0]?.staffId ?? null) : null))
    })
  }, [open])

  const approve = async () => {
    if (!chosen) return
    setBusy(true)
    const r = await call('staff.approve', { staffId: chosen, pin, purpose, subject })
    setBusy(false)
    setPin('')
    if (r.ok) {
      setError(null)
      onApproved(r.value.token, r.value.managerName)
    } else setError(r.error)
  }

  const chosenName = managers.find((m) => m.staffId === chosen)?.name ?? ''
  return (
    <Modal
      open={open}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden /> {t('approval.title')}
        </span>
      }
      data-testid="approval-dialog"
    >
      <p>{t('approval.intro')}</p>
      <div className="staff-grid" role="group" aria-label={t('approval.managers')}>
        {managers.map((m) => (
          <Button
            key={m.staffId}
            size="large"
            className="staff-button"
            type={chosen === m.staffId ? 'primary' : 'default'}
            aria-pressed={chosen === m.staffId}
            data-testid="approval-manager"
            data-staff-name={m.name}
            onClick={() => setChosen(m.staffId)}
          >
            {m.name}
          </Button>
        ))}
      </div>
      {chosen && (
        <PinPad
          key={chosen}
          value={pin}
          onChange={setPin}
          onSubmit={() => void approve()}
          label={t('approval.pinOf', { name: chosenName })}
          busy={busy}
          testId="approval-pin"
          captureKeys
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="approval-error"
          data-code={error.code}
          title={errorText(t, error)}
        />
      )}
    </Modal>
  )
}
