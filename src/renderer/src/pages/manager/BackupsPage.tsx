/**
 * Backups: the list (each verified when taken), back up now, the schedule and retention, and a restore that
 * the manager confirms by typing the backup's date. Main moves the database in use aside — never deletes it.
 */
import { Alert, App, Button, Form, InputNumber, Input, Modal, Table } from 'antd'
import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupSettings, BackupView } from '../../../../shared/reports'
import { dateTimeText } from '../../components/format'
import { call } from '../../shell/call'
import { DANGER_BUTTON, reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'

export function BackupsPage({ zone }: { zone: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [round, setRound] = useState(0)
  const overview = useLoad(() => call('backups.overview', undefined), String(round))
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<BackupView | null>(null)
  const [typed, setTyped] = useState('')

  const backUpNow = async () => {
    setBusy(true)
    const result = await call('backups.create', undefined)
    setBusy(false)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    if (result.value.ok) message.success(t('reports.backups.done', { file: result.value.backup.file }))
    else message.error(t('reports.backups.failed', { error: result.value.error }))
    setRound((n) => n + 1)
  }
  const saveSettings = async (settings: BackupSettings) => {
    const result = await call('backups.setSettings', settings)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    message.success(t('reports.backups.saved'))
    setRound((n) => n + 1)
  }
  const restore = async () => {
    if (!restoring) return
    setBusy(true)
    const result = await call('backups.restore', { file: restoring.file, confirmDate: typed })
    setBusy(false)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    setRestoring(null)
    message.success(t('reports.backups.restored', { path: result.value.movedAsideTo ?? '—' }))
    setRound((n) => n + 1)
  }

  const o = overview.value
  return (
    <div data-testid="backups-page">
      {overview.error && <Alert type="error" showIcon title={reportsErrorText(t, overview.error)} />}
      <div className="mgr-toolbar">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy}
          onClick={() => void backUpNow()}
          data-testid="backup-now"
        >
          {t('reports.backups.now')}
        </Button>
        {o?.nextDueAt && (
          <span className="mgr-note">
            {t('reports.backups.nextDue', { at: dateTimeText(o.nextDueAt, zone) })}
          </span>
        )}
      </div>
      {o && (
        <Form<BackupSettings>
          layout="inline"
          initialValues={o.settings}
          onFinish={(v) => void saveSettings(v)}
          key={JSON.stringify(o.settings)}
        >
          <Form.Item label={t('reports.backups.interval')} name="intervalHours" rules={[{ required: true }]}>
            <InputNumber min={1} max={24} precision={0} />
          </Form.Item>
          <Form.Item label={t('reports.backups.keep')} name="keepDays" rules={[{ required: true }]}>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
          <Button htmlType="submit">{t('reports.backups.save')}</Button>
        </Form>
      )}
      <p className="mgr-note">
        {t('reports.backups.directory')}: {o?.directory ?? '…'}
      </p>
      <Table<BackupView>
        size="small"
        rowKey="file"
        loading={overview.loading}
        dataSource={o?.backups ?? []}
        locale={{ emptyText: t('reports.backups.empty') }}
        pagination={false}
        onRow={(b) => ({ 'data-testid': 'backup-row', 'data-file': b.file }) as object}
        columns={[
          { title: t('reports.backups.at'), render: (_, b) => dateTimeText(b.at, zone) },
          { title: t('reports.backups.kind'), render: (_, b) => t(`reports.backups.reason.${b.reason}`) },
          {
            title: t('reports.backups.size'),
            className: 'mgr-num',
            render: (_, b) => `${(b.bytes / 1024).toFixed(0)} KB`
          },
          { title: t('reports.backups.verified'), render: (_, b) => (b.verified ? '✓' : '✗') },
          { title: t('reports.backups.file'), dataIndex: 'file', ellipsis: true },
          {
            title: '',
            // The file column is fixed-width (ellipsis); the button keeps the room its words need.
            width: 150,
            render: (_, b) => (
              <Button
                icon={<CloudDownloadOutlined />}
                onClick={() => {
                  setTyped('')
                  setRestoring(b)
                }}
                data-testid="backup-restore"
              >
                {t('reports.backups.restore')}
              </Button>
            )
          }
        ]}
      />
      <Modal
        open={restoring !== null}
        title={t('reports.backups.restoreTitle', { file: restoring?.file ?? '' })}
        okText={t('reports.backups.restore')}
        okButtonProps={{
          // Until the date is typed the button keeps antd's disabled look.
          style: typed.trim() === restoring?.confirmDate ? DANGER_BUTTON : undefined,
          disabled: typed.trim() !== restoring?.confirmDate,
          loading: busy,
          'data-testid': 'restore-confirm'
        }}
        onOk={() => void restore()}
        onCancel={() => setRestoring(null)}
      >
        <Alert type="warning" showIcon title={t('reports.backups.restoreBody')} />
        <p style={{ marginTop: 12 }}>
          {t('reports.backups.typeDate', { date: restoring?.confirmDate ?? '' })}
        </p>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={restoring?.confirmDate}
          data-testid="restore-date"
        />
      </Modal>
    </div>
  )
}
