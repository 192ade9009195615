/** After a redemption: "confirmed by WeChat" or "saved, will sync", following 'redemption.updated' live. */
import { CheckOutlined, ClockCircleOutlined, CloseOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { moneyText } from '../components/format'
import type { Redeemed } from './counterState'

export function SyncLine({ screen }: { screen: Redeemed }) {
  const { t } = useTranslation()
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
        <span aria-hidden>{icon}</span> {t(`redeemed.sync.${shown}`)}
      </p>
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
