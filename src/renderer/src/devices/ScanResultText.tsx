/** What the normalizer made of a scan, in words: the code, an encrypted code, or why it was refused. */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isRejectedScan, scanRejectText, type ScanResult } from '../../../shared/scan'

export function ScanResultText({ result, testId }: { result: ScanResult | null; testId?: string }) {
  const { t } = useTranslation()
  if (!result) return <span data-testid={testId} data-kind="" />
  if (isRejectedScan(result))
    return (
      <Typography.Text
        className="scan-rejected"
        data-testid={testId}
        data-kind="rejected"
        data-reason={result.reason}
      >
        {scanRejectText(t, result)}
      </Typography.Text>
    )
  const value = result.kind === 'code' ? result.code : result.encryptCode
  return (
    <span data-testid={testId} data-kind={result.kind}>
      {t(`devices.test.kind.${result.kind}`)}{' '}
      <Typography.Text code strong data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Typography.Text>
      {result.cardId && <Typography.Text type="secondary"> · card_id {result.cardId}</Typography.Text>}
    </span>
  )
}
