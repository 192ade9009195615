/** The actions under a decision: redeem / confirm / ask the manager, and "next customer" (Esc). */
import { Alert, Button } from 'antd'
import { ArrowRightOutlined, CheckOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../shell/errorText'
import { primaryAction, type Decided } from './counterState'

interface RedeemBarProps {
  decided: Decided | null
  primaryRef: Ref<HTMLButtonElement>
  cancelRef: Ref<HTMLButtonElement>
  onPrimary: () => void
  onCancel: () => void
}

export function RedeemBar({ decided, primaryRef, cancelRef, onPrimary, onCancel }: RedeemBarProps) {
  const { t } = useTranslation()
  const action = decided ? primaryAction(decided) : 'none'
  const committing = decided?.step === 'committing'
  return (
    <div className="redeem-bar">
      {decided?.step === 'confirm' && (
        <Alert
          type="warning"
          showIcon
          className="confirm-box"
          data-testid="confirm-box"
          title={t('actions.confirmQuestion')}
        />
      )}
      {decided?.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="commit-error"
          data-code={decided.error.code}
          title={errorText(t, decided.error)}
        />
      )}
      <div className="redeem-buttons">
        {action !== 'none' && (
          <Button
            ref={primaryRef}
            type="primary"
            size="large"
            className={`primary-action primary-${action}`}
            data-testid="primary-action"
            data-action={action}
            loading={committing}
            disabled={action === 'needAmount'}
            icon={action === 'approve' ? <SafetyCertificateOutlined /> : <CheckOutlined />}
            onClick={onPrimary}
          >
            {t(`actions.${action}`)} (Enter)
          </Button>
        )}
        <Button
          ref={cancelRef}
          size="large"
          className="next-customer"
          icon={<ArrowRightOutlined />}
          disabled={committing}
          data-testid="cancel"
          onClick={onCancel}
        >
          {decided ? t('actions.cancel') : t('actions.next')} (Esc)
        </Button>
      </div>
    </div>
  )
}
