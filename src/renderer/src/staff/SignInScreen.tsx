/**
 * Pick your name, type your PIN. Wrong PINs and the lockout after too many are said plainly. Conflicts waiting
 * for a manager and a sync pause are said before anyone signs in, so the manager knows at once.
 */
import { Alert, Button, Card, Tag, Typography } from 'antd'
import { UserOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { SignInAttention } from '../shell/SyncAttention'
import { PinPad } from './PinPad'

export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation()
  const [staff, setStaff] = useState<StaffSummary[] | null>(null)
  const [chosen, setChosen] = useState<StaffSummary | null>(null)
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    void call('staff.list', undefined).then((r) => (r.ok ? setStaff(r.value) : setError(r.error)))
  }, [])

  const signIn = async () => {
    if (!chosen) return
    setBusy(true)
    const result = await call('staff.signIn', { staffId: chosen.staffId, pin })
    setBusy(false)
    setPin('')
    if (result.ok) onSignedIn()
    else setError(result.error)
  }

  return (
    <Card className="gate-card" title={<h1 className="gate-title">{t('signIn.title')}</h1>}>
      <SignInAttention />
      <Typography.Paragraph>{chosen ? t('signIn.typePin') : t('signIn.pickName')}</Typography.Paragraph>
      <div className="staff-grid" role="group" aria-label={t('signIn.staffList')}>
        {(staff ?? []).map((s) => (
          <Button
            key={s.staffId}
            size="large"
            className="staff-button"
            type={chosen?.staffId === s.staffId ? 'primary' : 'default'}
            aria-pressed={chosen?.staffId === s.staffId}
            icon={<UserOutlined />}
            data-testid="staff-choice"
            data-staff-name={s.name}
            onClick={() => {
              setChosen(s)
              setPin('')
              setError(null)
            }}
          >
            {s.name}
            <Tag className="role-tag">{t(`role.${s.role}`)}</Tag>
          </Button>
        ))}
      </div>
      {chosen && (
        <PinPad
          key={chosen.staffId}
          value={pin}
          onChange={setPin}
          onSubmit={() => void signIn()}
          label={t('signIn.pinOf', { name: chosen.name })}
          busy={busy}
          testId="signin-pin"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="signin-error"
          data-code={error.code}
          title={errorText(t, error)}
        />
      )}
    </Card>
  )
}
