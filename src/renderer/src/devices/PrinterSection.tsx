/**
 * The devices page's receipt printer: add, configure, check and test it, with its live state and the
 * papers that did not print. Saved on its own (printer.config.set): a printer change never restarts the
 * scanners.
 */
import {
  App,
  Button,
  Empty,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Space,
  Switch,
  Typography
} from 'antd'
import { DeleteOutlined, PlusOutlined, PrinterOutlined, SaveOutlined, SyncOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  printerConfigSchema,
  SLIP_MODES,
  type PrinterConfig,
  type PrinterConnection
} from '../../../shared/printer'
import { Field } from '../components/Field'
import { dateTimeText } from '../components/format'
import { PrinterStateTag } from '../printer/PrinterStateTag'
import { PrintJobText } from '../printer/PrintJobText'
import { usePrinter } from '../printer/usePrinter'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { useStation } from '../shell/stationContext'

const BAUDS = [9600, 19_200, 38_400, 57_600, 115_200]

const blank = (): PrinterConfig => ({
  enabled: true,
  label: '',
  connection: { kind: 'network', host: '', port: 9100 },
  paperWidth: 80,
  slipMode: 'auto',
  language: 'zh-CN',
  codeDigitsShown: 4,
  cut: true
})

const connectionOf = (kind: PrinterConnection['kind'], before: PrinterConnection): PrinterConnection => {
  if (kind === before.kind) return before
  const path = 'path' in before ? before.path : ''
  if (kind === 'network') return { kind, host: '', port: 9100 }
  if (kind === 'serial') return { kind, path, baudRate: 9600 }
  return { kind, path }
}

export function PrinterSection() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info } = useStation()
  const printer = usePrinter()
  const stored = printer.overview?.config ?? null
  // Unsaved edits; null shows the stored configuration.
  const [edited, setEdited] = useState<PrinterConfig | null>(null)
  const draft = edited ?? stored
  const dirty = edited !== null
  const [busy, setBusy] = useState(false)

  const edit = (patch: Partial<PrinterConfig>) => draft && setEdited({ ...draft, ...patch })
  const conn = draft?.connection
  const editConn = (patch: Partial<PrinterConnection>) =>
    conn && edit({ connection: { ...conn, ...patch } as PrinterConnection })

  const save = async (config: PrinterConfig | null) => {
    // The same schema main's contract checks (src/shared/printer.ts): refuse here, in words, before sending.
    if (config !== null && !printerConfigSchema.safeParse(config).success)
      return void message.error(t('errors.BAD_PRINTER_CONFIG'))
    setBusy(true)
    const r = await call('printer.config.set', { config })
    setBusy(false)
    if (!r.ok) return void message.error(errorText(t, r.error))
    setEdited(null)
    printer.reload()
    void message.success(t('printer.saved'))
  }
  const check = async () => {
    const r = await call('printer.check', undefined)
    if (!r.ok) void message.error(errorText(t, r.error))
    printer.reload()
  }
  const test = async () => {
    const r = await call('printer.test', undefined)
    if (!r.ok) return void message.error(errorText(t, r.error))
    void message.info(t('printer.testQueued'))
  }
  const retry = async (jobId: number) => {
    const r = await call('printer.retry', { jobId })
    if (!r.ok) void message.error(errorText(t, r.error))
  }

  const state = printer.status?.state ?? 'none'
  return (
    <section className="printer-section" data-testid="printer-section">
      <p className="page-intro">{t('printer.intro')}</p>
      <div className="printer-status-line">
        <span>{t('printer.statusLabel')}</span>
        <PrinterStateTag state={stored ? state : 'none'} large />
        {printer.status?.detail && stored && state === 'offline' && (
          <Typography.Text type="secondary" className="mono">
            {printer.status.detail}
          </Typography.Text>
        )}
      </div>
      {!draft ? (
        <Empty description={t('printer.none')}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEdited(blank())}
            data-testid="printer-add"
          >
            {t('printer.add')}
          </Button>
        </Empty>
      ) : (
        <div className="printer-form" data-testid="printer-form">
          <Field label={t('printer.enabled')}>
            <Switch checked={draft.enabled} onChange={(enabled) => edit({ enabled })} />
          </Field>
          <Field label={t('printer.label')}>
            <Input value={draft.label} maxLength={40} onChange={(e) => edit({ label: e.target.value })} />
          </Field>
          <Field label={t('printer.connection')}>
            <Select<PrinterConnection['kind']>
              value={draft.connection.kind}
              onChange={(kind) => edit({ connection: connectionOf(kind, draft.connection) })}
              options={(['network', 'serial', 'device'] as const).map((k) => ({
                value: k,
                label: t(`printer.kinds.${k}`)
              }))}
              data-testid="printer-kind"
            />
          </Field>
          {conn?.kind === 'network' && (
            <>
              <Field label={t('printer.host')}>
                <Input
                  value={conn.host}
                  placeholder="192.168.1.100"
                  onChange={(e) => editConn({ host: e.target.value })}
                  data-testid="printer-host"
                />
              </Field>
              <Field label={t('printer.port')}>
                <InputNumber
                  value={conn.port}
                  min={1}
                  max={65535}
                  onChange={(port) => editConn({ port: port ?? 9100 })}
                  data-testid="printer-port"
                />
              </Field>
            </>
          )}
          {conn?.kind === 'serial' && (
            <>
              <Field label={t('printer.path')}>
                <Input
                  value={conn.path}
                  placeholder="/dev/ttyUSB0 · COM3"
                  onChange={(e) => editConn({ path: e.target.value })}
                  data-testid="printer-path"
                />
              </Field>
              <Field label={t('printer.baudRate')}>
                <Select<number>
                  value={conn.baudRate}
                  onChange={(baudRate) => editConn({ baudRate })}
                  options={BAUDS.map((b) => ({ value: b, label: String(b) }))}
                />
              </Field>
            </>
          )}
          {conn?.kind === 'device' && (
            <Field label={t('printer.devicePath')} help={t('printer.devicePathHelp')}>
              <Input
                value={conn.path}
                placeholder="/dev/usb/lp0"
                onChange={(e) => editConn({ path: e.target.value })}
                data-testid="printer-path"
              />
            </Field>
          )}
          <Field label={t('printer.paperWidth')}>
            <Select<58 | 80>
              value={draft.paperWidth}
              onChange={(paperWidth) => edit({ paperWidth })}
              options={([58, 80] as const).map((mm) => ({ value: mm, label: t('printer.paperMm', { mm }) }))}
            />
          </Field>
          <Field label={t('printer.slipMode')}>
            <Select<PrinterConfig['slipMode']>
              value={draft.slipMode}
              onChange={(slipMode) => edit({ slipMode })}
              options={SLIP_MODES.map((m) => ({ value: m, label: t(`printer.slipModes.${m}`) }))}
              data-testid="printer-slip-mode"
            />
          </Field>
          <Field label={t('printer.language')}>
            <Select<PrinterConfig['language']>
              value={draft.language}
              onChange={(language) => edit({ language })}
              options={(['zh-CN', 'en'] as const).map((l) => ({
                value: l,
                label: t(`printer.languages.${l}`)
              }))}
            />
          </Field>
          <Field label={t('printer.codeDigits')}>
            <InputNumber
              value={draft.codeDigitsShown}
              min={2}
              max={8}
              onChange={(n) => edit({ codeDigitsShown: n ?? 4 })}
            />
          </Field>
          <Field label={t('printer.cut')}>
            <Switch checked={draft.cut} onChange={(cut) => edit({ cut })} />
          </Field>
        </div>
      )}
      <Space wrap className="printer-actions">
        {draft && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={busy}
            onClick={() => void save(draft)}
            data-testid="printer-save"
          >
            {t('printer.save')}
          </Button>
        )}
        <Button
          icon={<SyncOutlined />}
          disabled={!stored || dirty}
          onClick={() => void check()}
          data-testid="printer-check"
        >
          {t('printer.check')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={!stored || dirty}
          onClick={() => void test()}
          data-testid="printer-test"
        >
          {t('printer.test')}
        </Button>
        {stored && (
          <Popconfirm
            title={t('printer.removeConfirm')}
            okText={t('printer.remove')}
            cancelText={t('printer.keep')}
            onConfirm={() => void save(null)}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="printer-remove">
              {t('printer.remove')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {stored && (
        <List
          className="printer-unprinted"
          size="small"
          header={<h3 className="section-title">{t('printer.unprinted')}</h3>}
          locale={{ emptyText: t('printer.unprintedNone') }}
          dataSource={printer.overview?.unprinted ?? []}
          renderItem={(job) => (
            <List.Item
              data-testid="printer-unprinted-item"
              actions={[
                <Button
                  key="retry"
                  size="small"
                  onClick={() => void retry(job.id)}
                  data-testid="printer-retry"
                >
                  {t('printer.retry')}
                </Button>
              ]}
            >
              <Space wrap>
                <span>{t(`printer.kind.${job.kind}`)}</span>
                <span>{dateTimeText(job.createdAt, info.timeZone)}</span>
                <PrintJobText job={job} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </section>
  )
}
