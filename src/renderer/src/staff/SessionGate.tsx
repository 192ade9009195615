/**
 * Nothing past this gate without a signed-in, unlocked person: first run creates the first manager,
 * otherwise sign in; a locked session (by the button, the shortcut, inactivity, or main answering LOCKED)
 * shows the lock screen. The session lives in main; this only mirrors session.current.
 * While locked nothing behind the gate listens for scans, so the gate itself notes a scan and the lock
 * screen says it was not redeemed. When main ended the session (a manager deactivated the person), the
 * sign-in screen says why, once.
 */
import { Alert, Button, Spin } from 'antd'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call, onSessionTrouble } from '../shell/call'
import { ScanTestPanel } from '../devices/ScanTestPanel'
import { errorText } from '../shell/errorText'
import { GateBar } from '../shell/GateBar'
import { StationFooter } from '../shell/StationFooter'
import { FirstRunScreen } from './FirstRunScreen'
import { LockScreen } from './LockScreen'
import { SessionContext, type SessionControl } from './session'
import { SignInScreen } from './SignInScreen'
import { useInactivityLock } from './useInactivityLock'
import './gate.css'

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [missedScan, setMissedScan] = useState<string | null>(null)
  const [ended, setEnded] = useState(false)

  const refresh = useCallback(
    () =>
      call('session.current', undefined).then((result) => {
        if (result.ok) {
          setSession(result.value)
          if (result.value.endedBecause === 'deactivated') setEnded(true)
          else if (result.value.staff) setEnded(false)
          if (!result.value.locked) setMissedScan(null)
          setError(null)
        } else setError(result.error)
      }),
    []
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(
    () =>
      onSessionTrouble((trouble) => {
        // Show the lock at once; session.current then confirms what main thinks.
        if (trouble === 'LOCKED') setSession((s) => (s ? { ...s, locked: true } : s))
        void refresh()
      }),
    [refresh]
  )

  const lock = useCallback(() => {
    setSession((s) => (s ? { ...s, locked: true } : s))
    void call('staff.lock', undefined).then(() => refresh())
  }, [refresh])

  const signOut = useCallback(() => {
    void call('staff.signOut', undefined).then(() => refresh())
  }, [refresh])

  const locked = Boolean(session?.staff && session.locked)
  const noteLockedScan = useCallback((raw: string) => setMissedScan(codeTail(raw)), [])

  const unlocked = Boolean(session?.staff && !session.locked)
  useInactivityLock(session?.lockAfterMs ?? 0, unlocked, lock)

  const control = useMemo<SessionControl | null>(
    () =>
      session?.staff ? { session, staff: session.staff, lock, signOut, refresh: () => void refresh() } : null,
    [session, lock, signOut, refresh]
  )

  if (!session) {
    if (error)
      return (
        <div className="gate">
          <Alert
            type="error"
            showIcon
            title={errorText(t, error)}
            action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
          />
        </div>
      )
    return <Spin size="large" description={t('app.loading')} className="gate" />
  }
  let gate: ReactNode = null
  if (session.needsFirstRun) gate = <FirstRunScreen onCreated={() => void refresh()} />
  else if (!session.staff) gate = <SignInScreen deactivated={ended} onSignedIn={() => void refresh()} />
  else if (session.locked)
    gate = (
      <LockScreen
        staff={session.staff}
        missedScan={missedScan}
        onUnlocked={() => void refresh()}
        onSwitchUser={signOut}
      />
    )
  if (gate || !control)
    return (
      <div className="gate-layout">
        <GateBar />
        <main className="gate">
          {gate}
          {/* Set-up can try the scanner before anyone signs in (and the wedge tests use it here). */}
          <ScanTestPanel {...(locked ? { onScan: noteLockedScan } : {})} />
        </main>
        <StationFooter />
      </div>
    )
  return <SessionContext value={control}>{children}</SessionContext>
}

/** Enough of a scanned code for the cashier to recognise it: control characters dropped, the last 8 kept. */
function codeTail(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return clean.length > 8 ? `…${clean.slice(-8)}` : clean
}
