/**
 * The big state band at the top of the counter: icon, one word, and the reasons in plain words. It also
 * announces the decision to screen readers and marks the moment it was rendered (for the latency bench).
 */
import { useLayoutEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { reasonText, SEVERITY_RANK, type Reason } from '../../../shared/rules'
import { scanRejectText } from '../../../shared/scan'
import { errorText } from '../shell/errorText'
import { displayOf, type CounterState } from './counterState'
import { DISPLAY_ICON, displayClass } from './outcomeLook'
import { SyncLine } from './SyncLine'

export function DecisionPanel({ state }: { state: CounterState }) {
  const { t } = useTranslation()
  const screen = state.screen
  const display = displayOf(screen)
  const view = screen.kind === 'decided' || screen.kind === 'redeemed' ? screen.view : null
  const decision = screen.kind === 'decided' ? screen.view.decision : null
  const reasons =
    screen.kind === 'decided'
      ? shownReasons(decision?.reasons ?? [], decision?.outcome ?? null).map((r) => ({
          code: r.code,
          text: reasonText(t, r.code, r.params)
        }))
      : []
  const detail =
    screen.kind === 'failed'
      ? errorText(t, screen.error)
      : screen.kind === 'decided' && screen.view.rejected
        ? scanRejectText(t, screen.view.rejected)
        : null
  const refused = decision ? isRefusal(decision.outcome) : null
  const title = t(`decision.title.${display}`)
  const hint = t(`decision.hint.${display}`)
  const lookupId = view?.lookupId ?? ''

  useLayoutEffect(() => {
    if (!lookupId) return
    // Only the latest mark is kept: a till scans all day and the timeline buffer must not grow.
    performance.clearMarks('hexiao:decision')
    performance.mark('hexiao:decision', { detail: { lookupId, display } })
  }, [lookupId, display])

  return (
    <section
      className={displayClass(display)}
      data-testid="decision"
      data-display={display}
      data-outcome={decision?.outcome ?? ''}
      data-reasons={reasons.map((r) => r.code).join(' ')}
      data-lookup-id={lookupId}
      data-offline={decision?.offline ? 'true' : 'false'}
      aria-labelledby="decision-title"
    >
      <div className="state-icon" aria-hidden>
        {DISPLAY_ICON[display]}
      </div>
      <div className="state-body">
        <h2 id="decision-title" className="state-title">
          {title}
          {decision?.offline && refused === false && (
            <span className="state-offline"> · {t('decision.offline')}</span>
          )}
        </h2>
        {reasons.length > 0 && (
          <ul className="state-reasons" data-testid="reasons">
            {reasons.map((r) => (
              <li key={r.code} data-reason={r.code}>
                {r.text}
              </li>
            ))}
          </ul>
        )}
        {detail && <p className="state-detail">{detail}</p>}
        {screen.kind === 'redeemed' && <SyncLine screen={screen} />}
        {hint && <p className="state-hint">{hint}</p>}
      </div>
      <div
        className="visually-hidden"
        role="status"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="announcer"
      >
        {[title, ...reasons.map((r) => r.text), detail].filter(Boolean).join('。 ')}
      </div>
    </section>
  )
}

const isRefusal = (outcome: string | null): boolean => outcome === 'DUPLICATE' || outcome === 'DENY'

/**
 * A refusal says only why it is refused (issue 15): a duplicate of a min-spend coupon must not also ask for
 * the bill, and an offline duplicate must not say "kept on the station, synced later" — those reasons are
 * about a redemption that is not going to happen. Other outcomes show every reason.
 */
export function shownReasons(reasons: readonly Reason[], outcome: string | null): Reason[] {
  if (!isRefusal(outcome)) return [...reasons]
  return reasons.filter((r) => SEVERITY_RANK[r.severity] >= SEVERITY_RANK.deny)
}
