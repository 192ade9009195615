/** On every screen of a training station, so nobody mistakes practice for real redemptions. */
import { ExperimentOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

export function TrainingBanner() {
  const { t } = useTranslation()
  return (
    <section className="training-banner" aria-label={t('app.mode.training')} data-testid="training-banner">
      <ExperimentOutlined aria-hidden /> <strong>{t('app.trainingWord')}</strong> — {t('app.trainingBanner')}
    </section>
  )
}
