/**
 * Set-up's "check with headquarters before redeeming" (managers; docs/chain.md § Claims before committing), under
 * the Headquarters section once the till is enrolled: on or off, and the longest wait for HQ before the till
 * decides alone. Saved with chainLink.setClaims (audited). Words from the catalogue (chainClaim).
 */
import { Alert, Button, Checkbox, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChainLinkOverview } from '../../../shared/ipc/contracts/chainLink'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'

export function ChainClaimSettings({
  claims,
  onSaved
}: {
  claims: ChainLinkOverview['claims']
  onSaved: (view: ChainLinkOverview) => void
}) {
  const { t } = useTranslation()
  const [enabled, setEnabled] = useState(claims.enabled)
  const [deadlineMs, setDeadlineMs] = useState<number>(claims.deadlineMs)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    setBusy(true)
    setError(null)
    setSaved(false)
    const r = await call('chainLink.setClaims', { enabled, deadlineMs })
    setBusy(false)
    if (r.ok) {
      setSaved(true)
      onSaved(r.value)
    } else setError(errorText(t, r.error))
  }
  return (
    <section data-testid="chain-claims" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('chainClaim.title')}</Typography.Title>
      <Typography.Paragraph>{t('chainClaim.help')}</Typography.Paragraph>
      <p data-testid="chain-claims-state" data-enabled={claims.enabled ? 'true' : 'false'}>
        {claims.enabled ? t('chainClaim.state.on', { ms: claims.deadlineMs }) : t('chainClaim.state.off')}
      </p>
      <Space wrap>
        <Checkbox
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          data-testid="chain-claims-enabled"
        >
          {t('chainClaim.enabled')}
        </Checkbox>
        <label>
          {t('chainClaim.deadline')}{' '}
          <InputNumber
            min={50}
            max={3000}
            step={50}
            value={deadlineMs}
            onChange={(v) => setDeadlineMs(typeof v === 'number' ? v : claims.deadlineMs)}
            data-testid="chain-claims-deadline"
          />
        </label>
        <Button onClick={() => void save()} loading={busy} data-testid="chain-claims-save">
          {t('chainClaim.save')}
        </Button>
        {saved && <span data-testid="chain-claims-saved">{t('chainClaim.saved')}</span>}
      </Space>
      {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
    </section>
  )
}
