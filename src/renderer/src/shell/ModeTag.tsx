/** Product name and the TRAINING/LIVE tag: the same on the sign-in bar and in the header. */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StationMode } from '../../../shared/ipc/types'

export function ModeTag({ mode }: { mode: StationMode }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="app-name">{t('app.name')}</span>
      <Tag
        variant="solid"
        color={mode === 'training' ? '#AD4E00' : '#237804'}
        data-testid="app-mode"
        data-mode={mode}
        className="header-tag"
      >
        {t(`app.mode.${mode}`)}
      </Tag>
    </>
  )
}
