/**
 * The shift's latest redemptions beside the counter, reloaded after each redemption and on sync events. Each
 * one is a button that opens its details, where its slip can be printed again (marked 重印).
 */
import { Button, Descriptions, Modal, Space } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RedemptionView } from '../../../shared/redeem'
import { station } from '../api'
import { clockText, dateTimeText, moneyText } from '../components/format'
import { StatusTag } from '../components/StatusTag'
import { describeSyncReason } from '../../../shared/sync'
import { call } from '../shell/call'
import { useStation } from '../shell/stationContext'
import { PrintSlipButton } from '../printer/PrintSlipButton'
import type { PrinterData } from '../printer/usePrinter'

const RECENT_LIMIT = 20

export function RecentList({ reloadKey, printer }: { reloadKey: number; printer: PrinterData }) {
  const { t } = useTranslation()
  const { info } = useStation()
  const [items, setItems] = useState<RedemptionView[] | null>(null)
  const [opened, setOpened] = useState<RedemptionView | null>(null)

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
            <button
              type="button"
              className="recent-open"
              aria-haspopup="dialog"
              title={t('recent.open', { time: clockText(r.at, info.timeZone) })}
              onClick={() => setOpened(r)}
              data-testid="recent-open"
            >
              <span className="recent-line">
                <span className="recent-time">{clockText(r.at, info.timeZone)}</span>
                <StatusTag status={r.status} stale={r.stale} />
              </span>
              <span className="recent-card">{r.cardTitle}</span>
              <span className="recent-line recent-meta">
                <span className="mono">…{r.code.slice(-6)}</span>
                <span>{r.discountFen > 0 ? `−${moneyText(r.discountFen)}` : t('recent.noMoney')}</span>
                <span>{r.cashierName}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
      <Modal
        open={opened !== null}
        title={t('recent.details')}
        onCancel={() => setOpened(null)}
        destroyOnHidden
        footer={
          <Space wrap>
            {opened && <PrintSlipButton redemptionId={opened.id} printer={printer} />}
            <Button onClick={() => setOpened(null)} data-testid="recent-details-close">
              {t('recent.close')}
            </Button>
          </Space>
        }
      >
        {opened && <RecentDetails r={opened} zone={info.timeZone} />}
      </Modal>
    </aside>
  )
}

function RecentDetails({ r, zone }: { r: RedemptionView; zone: string }) {
  const { t } = useTranslation()
  const money = (fen: number | null) => (fen === null ? '—' : moneyText(fen))
  return (
    <div data-testid="recent-details" data-code={r.code}>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('reports.drill.at')}>{dateTimeText(r.at, zone)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.code')}>
          <span className="mono">{r.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.card')}>
          {r.cardTitle || t('reports.day.noCard')}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.bill')}>{money(r.billFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.discount')}>{money(r.discountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('money.payable')}>{money(r.payableFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.cashier')}>
          {r.cashierName} · {r.stationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.approver')}>{r.approvedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.channel')}>
          {t(r.online ? 'reports.day.online' : 'reports.day.offline')}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.status')}>
          <StatusTag status={r.status} stale={r.stale} />
          {r.statusReason && <span> {describeSyncReason(t, r.statusReason)}</span>}
        </Descriptions.Item>
      </Descriptions>
    </div>
  )
}
