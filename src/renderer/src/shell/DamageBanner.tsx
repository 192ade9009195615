/**
 * On every screen once the background integrity check has found the database damaged (main has stopped all
 * writes): big, red, with an icon and words, so nobody keeps scanning into a till that cannot record.
 * Heard as the DB_DAMAGED 'app.notice', and asked once from db.ping for a screen opened after it.
 */
import { WarningFilled } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { station } from '../api'

export function DamageBanner() {
  const { t } = useTranslation()
  const [damaged, setDamaged] = useState(false)
  useEffect(() => {
    const unsubscribe = station.subscribe['app.notice']((notice) => {
      if (notice.code === 'DB_DAMAGED') setDamaged(true)
    })
    void station.invoke['db.ping'](undefined).then((result) => {
      if (result.ok && result.value.integrity === 'damaged') setDamaged(true)
    })
    return unsubscribe
  }, [])
  if (!damaged) return null
  return (
    <section className="damage-banner" role="alert" data-testid="damage-banner">
      <WarningFilled aria-hidden /> <strong>{t('app.damageTitle')}</strong>
      <div>{t('app.damageBody')}</div>
    </section>
  )
}
