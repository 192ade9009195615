/** The shift's latest redemptions beside the counter, reloaded after each redemption and on sync events. */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RedemptionView } from '../../../shared/redeem'
import { station } from '../api'
import { clockText, moneyText } from '../components/format'
import { StatusTag } from '../components/StatusTag'
import { call } from '../shell/call'
import { useStation } from '../shell/stationContext'

const RECENT_LIMIT = 20

export function RecentList({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation()
  const { info } = useStation()
  const [items, setItems] = useState<RedemptionView[] | null>(null)

  const reload = useCallback(() => {
    void call('redeem.recent', { limit: RECENT_LIMIT }).then((r) => r.ok && setItems(r.value))
  }, [])

  useEffect(reload, [reload, reloadKey])
  useEffect(() => station.subscribe['redemption.updated'](() => reload()), [reload])

  return (
    <aside className="recent" aria-labelledby="recent-title" data-testid="recent">
      <h2 id="recent-title" className="recent-title">
        {t('recent.title')}
      </h2>
      {items?.length === 0 && <p className="recent-empty">{t('recent.empty')}</p>}
      <ol className="recent-list">
        {(items ?? []).map((r) => (
          <li
            key={r.id}
            className="recent-item"
            data-testid="recent-item"
            data-code={r.code}
            data-status={r.status}
          >
            <div className="recent-line">
              <span className="recent-time">{clockText(r.at, info.timeZone)}</span>
              <StatusTag status={r.status} stale={r.stale} />
            </div>
            <div className="recent-card">{r.cardTitle}</div>
            <div className="recent-line recent-meta">
              <span className="mono">…{r.code.slice(-6)}</span>
              <span>{r.discountFen > 0 ? `−${moneyText(r.discountFen)}` : t('recent.noMoney')}</span>
              <span>{r.cashierName}</span>
            </div>
          </li>
        ))}
      </ol>
    </aside>
  )
}
