/**
 * Stores and their tills. An HQ admin adds stores, makes a till enrolment code (shown once, single use, 15
 * minutes) and revokes tills; a regional viewer sees its region's stores read-only.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  HQ_PATHS,
  type EnrolmentCodeView,
  type HqUserView,
  type NewStore,
  type StoreView
} from '../../../shared/hub/hqProtocol'
import { getJson, postJson } from '../api'
import { atStore, errorText, zoneName } from '../format'

/** Zones a store in mainland China runs on: Beijing time, or Xinjiang time (the API takes any IANA zone). */
const ZONES = ['Asia/Shanghai', 'Asia/Urumqi']

export function TillsPage({ user, onError }: { user: HqUserView; onError: (err: unknown) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const admin = user.role === 'hq_admin'
  const [stores, setStores] = useState<StoreView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [code, setCode] = useState<(EnrolmentCodeView & { zone: string }) | null>(null)
  const [form] = Form.useForm<NewStore>()

  const fail = useCallback(
    (err: unknown) => {
      onError(err)
      setError(errorText(err, t))
    },
    [onError, t]
  )
  const load = useCallback(() => {
    getJson<{ stores: StoreView[] }>(HQ_PATHS.stores).then((v) => setStores(v.stores), fail)
  }, [fail])
  useEffect(load, [load])

  const makeCode = async (store: StoreView) => {
    setError(null)
    try {
      const made = await postJson<EnrolmentCodeView>(HQ_PATHS.enrolmentCodes, { storeId: store.storeId })
      setCode({ ...made, zone: store.timeZone })
      load()
    } catch (err) {
      fail(err)
    }
  }
  const revoke = async (tillId: string) => {
    setError(null)
    try {
      await postJson(HQ_PATHS.revokeTill, { tillId })
      load()
    } catch (err) {
      fail(err)
    }
  }
  const addStore = async (values: NewStore) => {
    setError(null)
    try {
      await postJson(HQ_PATHS.stores, { ...values, timeZone: values.timeZone || 'Asia/Shanghai' })
      form.resetFields()
      void message.success(t('hq.tills.storeAdded'))
      load()
    } catch (err) {
      fail(err)
    }
  }

  return (
    <div data-testid="hq-tills">
      {!admin && <Alert type="info" showIcon title={t('hq.tills.viewerNote')} style={{ marginBottom: 12 }} />}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="tills-error" />
      )}
      {admin && (
        <Card size="small" title={t('hq.tills.addStore')} style={{ marginBottom: 12 }}>
          <Form form={form} layout="inline" onFinish={(v) => void addStore(v)} requiredMark={false}>
            <Form.Item name="storeId" rules={[{ required: true, message: t('hq.tills.storeId') }]}>
              <Input placeholder={t('hq.tills.storeId')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: t('hq.tills.storeName') }]}>
              <Input placeholder={t('hq.tills.storeName')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="region">
              <Input placeholder={t('hq.tills.region')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="timeZone" initialValue="Asia/Shanghai">
              <Select
                style={{ width: 190 }}
                aria-label={t('hq.tills.timeZone')}
                options={ZONES.map((zone) => ({ value: zone, label: zoneName(zone, t) }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('hq.tills.save')}
            </Button>
          </Form>
        </Card>
      )}
      {stores?.map((store) => (
        <Card
          key={store.storeId}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              <span>{store.name}</span>
              {store.region && <Tag>{store.region}</Tag>}
              <span style={{ fontWeight: 400 }}>{zoneName(store.timeZone, t)}</span>
            </Space>
          }
          extra={
            <Space>
              {store.openCodes.length > 0 && (
                <span>{t('hq.tills.openCodes', { count: store.openCodes.length })}</span>
              )}
              {admin && (
                <Button
                  type="primary"
                  onClick={() => void makeCode(store)}
                  data-testid={`make-code-${store.storeId}`}
                >
                  {t('hq.tills.makeCode')}
                </Button>
              )}
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="tillId"
            pagination={false}
            locale={{ emptyText: t('hq.tills.noTills') }}
            dataSource={store.tills}
            columns={[
              { title: t('hq.duplicates.till'), dataIndex: 'name' },
              {
                title: t('hq.duplicates.status'),
                key: 'state',
                width: 100,
                render: (_, till) =>
                  till.revokedAt === null ? (
                    <Tag color="green">{t('hq.tills.active')}</Tag>
                  ) : (
                    <Tag color="default">{t('hq.tills.revoked')}</Tag>
                  )
              },
              {
                title: t('hq.tills.enrolledAt'),
                dataIndex: 'enrolledAt',
                render: (ms: number) => atStore(ms, store.timeZone)
              },
              {
                title: t('hq.tills.lastEvent'),
                dataIndex: 'lastEventAt',
                render: (ms: number | null) => atStore(ms, store.timeZone) ?? t('hq.quiet.never')
              },
              ...(admin
                ? [
                    {
                      title: '',
                      key: 'revoke',
                      width: 90,
                      render: (_: unknown, till: StoreView['tills'][number]) =>
                        till.revokedAt === null && (
                          <Popconfirm
                            title={t('hq.tills.revokeConfirm', { till: till.name })}
                            okText={t('hq.tills.revokeOk')}
                            cancelText={t('hq.tills.cancel')}
                            okButtonProps={{ danger: true }}
                            onConfirm={() => void revoke(till.tillId)}
                          >
                            <Button danger size="small" data-testid={`revoke-${till.tillId}`}>
                              {t('hq.tills.revoke')}
                            </Button>
                          </Popconfirm>
                        )
                    }
                  ]
                : [])
            ]}
          />
        </Card>
      ))}
      <Modal
        open={code !== null}
        title={t('hq.tills.codeTitle')}
        onCancel={() => setCode(null)}
        footer={
          <Button type="primary" onClick={() => setCode(null)}>
            {t('hq.tills.close')}
          </Button>
        }
      >
        {code && (
          <>
            <p>{stores?.find((s) => s.storeId === code.storeId)?.name}</p>
            <div className="hq-code" data-testid="enrolment-code">
              {code.code}
            </div>
            <p>
              <strong>{t('hq.tills.codeOnce')}</strong>
            </p>
            <p>{t('hq.tills.validUntil', { time: atStore(code.expiresAt, code.zone) })}</p>
          </>
        )}
      </Modal>
    </div>
  )
}
