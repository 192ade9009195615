/**
 * After a redemption: "confirmed by WeChat" or "saved, will sync" (or "saved, sync paused" during a 45009 or
 * credentials pause), following 'redemption.updated' live.
 */
import {
  CheckOutlined,
  ClockCircleOutlined,
  CloseOutlined,
  ExclamationCircleOutlined
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { moneyText } from '../components/format'
import { useSyncState } from '../shell/syncState'
import type { Redeemed } from './counterState'

export function SyncLine({ screen }: { screen: Redeemed }) {
  const { t } = useTranslation()
  const paused = useSyncState()?.paused ?? null
  const { result, status } = screen
  const r = result.redemption
  const shown = status === 'synced' ? 'confirmed' : status === 'pending' ? 'queued' : status
  const icon =
    shown === 'confirmed' ? (
      <CheckOutlined />
    ) : shown === 'queued' ? (
      <ClockCircleOutlined />
    ) : (
      <CloseOutlined />
    )
  return (
    <div className="sync-line">
      <p data-testid="sync-outcome" data-sync={shown}>
        <span aria-hidden>{icon}</span>{' '}
        {shown === 'queued' && paused
          ? // Not "when online": it waits for the pause to end (the banner says why and until when).
            t('redeemed.sync.queuedPaused', { why: t(`sync.paused.${paused.reason}`) })
          : t(`redeemed.sync.${shown}`)}
      </p>
      {r.storeUnchecked && (
        // Decided while the store hub did not answer: another till may have taken it (docs/hub.md).
        <p className="store-unchecked" data-testid="store-unchecked" role="status">
          <span aria-hidden>
            <ExclamationCircleOutlined />
          </span>{' '}
          {t('redeemed.storeUnchecked')}
        </p>
      )}
      {r.chainUnchecked && (
        // Decided while headquarters did not answer the claim: another store may have taken it (docs/chain.md).
        <p className="store-unchecked" data-testid="chain-unchecked" role="status">
          <span aria-hidden>
            <ExclamationCircleOutlined />
          </span>{' '}
          {t('chainClaim.unchecked')}
        </p>
      )}
      <p className="redeemed-money" data-testid="redeemed-money">
        {r.cardTitle}
        {r.billFen !== null && ` · ${t('money.bill')} ${moneyText(r.billFen)}`}
        {r.discountFen > 0 && ` · ${t('money.discount')} ${moneyText(r.discountFen)}`}
        {r.payableFen !== null && ` · ${t('money.payable')} ${moneyText(r.payableFen)}`}
        {r.approvedBy && ` · ${t('redeemed.approvedBy', { name: r.approvedBy })}`}
      </p>
    </div>
  )
}
