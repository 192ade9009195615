/** DUPLICATE: when, on which till and by whom the code was first redeemed, and whether WeChat has it yet. */
import { useTranslation } from 'react-i18next'
import type { OriginalRedemption } from '../../../shared/rules'
import { dateTimeText } from '../components/format'
import { useStation } from '../shell/stationContext'

export function DuplicateDetails({ original }: { original: OriginalRedemption | null }) {
  const { t } = useTranslation()
  const { info } = useStation()
  if (!original) {
    return (
      <section
        className="duplicate-details"
        data-testid="duplicate-details"
        aria-label={t('duplicate.label')}
      >
        <h3>{t('duplicate.label')}</h3>
        <p>{t('duplicate.elsewhere')}</p>
      </section>
    )
  }
  return (
    <section className="duplicate-details" data-testid="duplicate-details" aria-label={t('duplicate.label')}>
      <h3>{t('duplicate.label')}</h3>
      <dl>
        <div>
          <dt>{t('duplicate.when')}</dt>
          <dd data-testid="duplicate-when">{dateTimeText(original.at, info.timeZone)}</dd>
        </div>
        <div>
          <dt>{t('duplicate.station')}</dt>
          <dd data-testid="duplicate-station">{original.station}</dd>
        </div>
        <div>
          <dt>{t('duplicate.cashier')}</dt>
          <dd data-testid="duplicate-cashier">{original.cashier}</dd>
        </div>
        {original.source === 'store' ? (
          // Another till's redemption, known through the store hub: this till cannot say whether WeChat has it.
          <div>
            <dt>{t('duplicate.synced')}</dt>
            <dd data-testid="duplicate-synced" data-source="store">
              {t('duplicate.otherTill')}
            </dd>
          </div>
        ) : (
          <div>
            <dt>{t('duplicate.synced')}</dt>
            <dd data-testid="duplicate-synced" data-synced={original.synced}>
              {original.synced ? t('duplicate.syncedYes') : t('duplicate.syncedNo')}
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}
