/** WeChat's own daily redemption count next to ours, for past days; today says when it will be there. */
import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { WechatDay } from '../../../../shared/reports'
import { call } from '../../shell/call'
import { reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'

export function WechatPanel({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation()
  const loaded = useLoad(() => call('reports.wechat', { from, to }), `${from}|${to}`)
  const rows = loaded.value ?? []
  return (
    <section className="mgr-card" data-testid="wechat-panel">
      <h2 className="section-title">{t('reports.wechat.title')}</h2>
      {loaded.error && <Alert type="warning" showIcon title={reportsErrorText(t, loaded.error)} />}
      <Table<WechatDay>
        size="small"
        pagination={false}
        loading={loaded.loading}
        rowKey="date"
        dataSource={rows}
        onRow={(row) =>
          ({ 'data-testid': 'wechat-day', 'data-state': row.state }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('reports.wechat.date'), dataIndex: 'date' },
          { title: t('reports.wechat.ours'), dataIndex: 'ours', className: 'mgr-num' },
          {
            title: t('reports.wechat.wechat'),
            className: 'mgr-num',
            render: (_, row) =>
              row.state === 'ok'
                ? row.wechat
                : row.state === 'not_yet'
                  ? t('reports.wechat.notYet')
                  : t('reports.wechat.unavailable', { reason: row.reason })
          },
          {
            title: t('reports.wechat.difference'),
            className: 'mgr-num',
            render: (_, row) =>
              row.state === 'ok' ? (row.difference > 0 ? `+${row.difference}` : row.difference) : '—'
          }
        ]}
      />
      <p className="mgr-note">{t('reports.wechat.explain')}</p>
    </section>
  )
}
