/**
 * One Z report as a printable sheet (the print stylesheet leaves only this on the page). The open-items box
 * appears only when there are some, and a line without any bill shows "—" for bill and payable, never a
 * "¥0.00" spend the customer did not have.
 */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Amounts, ZReportView } from '../../../../shared/reports'
import { dateTimeText, moneyText } from '../../components/format'
import { useStation } from '../../shell/stationContext'
import { clockOf } from './text'

/** Bills only exist for coupons that asked for one: a line with none shows a dash. */
const billText = (l: Amounts, fen: number): string =>
  l.billFen === 0 && l.payableFen === 0 ? '—' : moneyText(fen)

function AmountRows({ lines }: { lines: Array<Amounts & { name: string; key: string }> }) {
  return (
    <>
      {lines.map((l) => (
        <tr key={l.key}>
          <td>{l.name}</td>
          <td className="num">{l.count}</td>
          <td className="num">{moneyText(l.discountFen)}</td>
          <td className="num" data-testid="z-bill">
            {billText(l, l.billFen)}
          </td>
          <td className="num">{billText(l, l.payableFen)}</td>
        </tr>
      ))}
    </>
  )
}

export function ZReportSheet({ view }: { view: ZReportView }) {
  const { t } = useTranslation()
  const { info } = useStation()
  const z = view.body
  const zone = z.timeZone
  const head = (
    <thead>
      <tr>
        <th>{t('reports.day.name')}</th>
        <th className="num">{t('reports.day.count')}</th>
        <th className="num">{t('reports.drill.discount')}</th>
        <th className="num">{t('reports.drill.bill')}</th>
        <th className="num">{t('money.payable')}</th>
      </tr>
    </thead>
  )
  const ok = view.check.hashOk && view.check.auditOk
  return (
    <article
      className="z-report"
      data-testid="z-report"
      data-number={z.number}
      data-hash-ok={view.check.hashOk}
      data-audit-ok={view.check.auditOk}
    >
      <h2>{t('reports.z.title', { number: z.number })}</h2>
      {info.mode === 'training' && <p className="z-training">{t('reports.z.training')}</p>}
      <p>
        {t('reports.z.store')}: {z.storeName} · {z.stationName}
        <br />
        {t('reports.z.day')}: <strong data-testid="z-day">{z.businessDay}</strong> · {t('reports.z.period')}:{' '}
        {dateTimeText(z.start, zone)} – {dateTimeText(z.end, zone)} ({zone}, {clockOf(z.cutoffMinutes)})
        <br />
        {t('reports.z.closedAt')}: {dateTimeText(z.closedAt, zone)} · {t('reports.z.closedBy')}:{' '}
        {z.closedBy.name}
      </p>
      {z.closedAt < z.end && (
        <p className="z-early" data-testid="z-closed-early">
          {t('reports.z.closedEarly', { end: dateTimeText(z.end, zone) })}
        </p>
      )}
      {ok ? (
        <Alert type="success" showIcon title={t('reports.z.verified')} data-testid="z-verified" />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t(view.check.hashOk ? 'reports.z.auditMismatch' : 'reports.z.tampered')}
          data-testid="z-tampered"
        />
      )}
      {!view.check.rowsOk && <Alert type="warning" showIcon title={t('reports.z.rowsMismatch')} />}

      <table>
        {head}
        <tbody>
          <AmountRows lines={[{ key: 'total', name: t('reports.z.total'), ...z.totals }]} />
          <AmountRows
            lines={z.byStatus.map((s) => ({ key: s.status, name: t(`status.${s.status}`), ...s }))}
          />
          <AmountRows lines={[{ key: 'stale', name: t('reports.day.staleOf'), ...z.stale }]} />
          <AmountRows lines={[{ key: 'voided', name: t('reports.day.voided'), ...z.voided }]} />
        </tbody>
      </table>
      <p className="mgr-note">{t('reports.day.totalsNote')}</p>

      {z.openItems.length > 0 && (
        <section className="z-open-items" data-testid="z-open-items" data-count={z.openItems.length}>
          <h3>{t('reports.z.openItems')}</h3>
          <table>
            <tbody>
              {z.openItems.map((i) => (
                <tr key={i.redemptionId} data-testid="z-open-item">
                  <td>{dateTimeText(i.at, zone)}</td>
                  <td>{i.code}</td>
                  <td>{i.cardTitle}</td>
                  <td>{i.cashierName}</td>
                  <td className="num">{moneyText(i.discountFen)}</td>
                  <td>{t(`status.${i.stale ? 'stale' : i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h3>{t('reports.day.byCard')}</h3>
      <table>
        {head}
        <tbody>
          <AmountRows
            lines={z.byCard.map((l) => ({ key: l.cardId, name: l.title || t('reports.day.noCard'), ...l }))}
          />
        </tbody>
      </table>
      <h3>{t('reports.day.byCashier')}</h3>
      <table>
        {head}
        <tbody>
          <AmountRows lines={z.byCashier.map((l) => ({ key: l.cashierId, name: l.cashierName, ...l }))} />
        </tbody>
      </table>
      <h3>{t('reports.day.byChannel')}</h3>
      <table>
        {head}
        <tbody>
          <AmountRows
            lines={z.byChannel.map((l) => ({
              key: String(l.online),
              name: t(l.online ? 'reports.day.online' : 'reports.day.offline'),
              ...l
            }))}
          />
        </tbody>
      </table>

      <h3>{t('reports.z.afterClose')}</h3>
      {z.afterClose.length === 0 ? (
        <p data-testid="z-after-close-none">{t('reports.z.afterCloseNone')}</p>
      ) : (
        <table data-testid="z-after-close">
          <tbody>
            {z.afterClose.map((e) => (
              <tr key={`${e.redemptionId}-${e.event}`}>
                <td>{e.businessDay}</td>
                <td>{dateTimeText(e.at, zone)}</td>
                <td>{t(`reports.z.event.${e.event}`)}</td>
                <td>{e.code}</td>
                <td className="num">{moneyText(e.discountFen)}</td>
                <td>{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="z-hash" data-testid="z-hash">
        {t('reports.z.rows', { count: z.rows.count, sha: z.rows.sha256 })}
        <br />
        SHA-256 {view.sha256}
      </p>
    </article>
  )
}
