/**
 * The locked till: only the signed-in person's PIN opens it again; anyone else signs them out first.
 * A scan while locked is not redeemed (nothing behind the lock acts); `missedScan` says so plainly and asks
 * for the code again after unlocking, rather than redeeming a minutes-old scan the customer may have left with.
 */
import { Alert, Button, Card, Typography } from 'antd'
import { LockOutlined, ScanOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { PinPad } from './PinPad'

interface LockScreenProps {
  staff: StaffSummary
  /** The end of the code last scanned while locked, if any. */
  missedScan: string | null
  onUnlocked: () => void
  onSwitchUser: () => void
}

export function LockScreen({ staff, missedScan, onUnlocked, onSwitchUser }: LockScreenProps) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const unlock = async () => {
    setBusy(true)
    const result = await call('staff.unlock', { pin })
    setBusy(false)
    setPin('')
    if (result.ok) onUnlocked()
    else setError(result.error)
  }

  return (
    <Card
      className="gate-card"
      data-testid="lock-screen"
      title={
        <h1 className="gate-title">
          <LockOutlined aria-hidden /> {t('lock.title')}
        </h1>
      }
    >
      {missedScan !== null && (
        <Alert
          type="warning"
          showIcon
          icon={<ScanOutlined />}
          role="alert"
          className="locked-scan"
          data-testid="locked-scan"
          title={t('lock.scanWhileLockedTitle')}
          description={t('lock.scanWhileLocked', { code: missedScan })}
        />
      )}
      <Typography.Paragraph>{t('lock.who', { name: staff.name })}</Typography.Paragraph>
      <PinPad
        value={pin}
        onChange={setPin}
        onSubmit={() => void unlock()}
        label={t('lock.pinLabel', { name: staff.name })}
        busy={busy}
        testId="unlock-pin"
      />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="unlock-error"
          data-code={error.code}
          title={errorText(t, error)}
        />
      )}
      <Button size="large" block className="switch-user" onClick={onSwitchUser} data-testid="switch-user">
        {t('lock.switchUser', { name: staff.name })}
      </Button>
    </Card>
  )
}
