/** An expected decision on the training sheet, with the same icon and words as the counter uses. */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Outcome } from '../../../shared/rules'
import { DISPLAY_ICON } from '../counter/outcomeLook'
import { TAG_COLOURS } from './StatusTag'

const COLOUR: Record<Outcome, string> = {
  OK: TAG_COLOURS.green,
  NEEDS_AMOUNT: TAG_COLOURS.blue,
  WARN: TAG_COLOURS.amber,
  DENY: TAG_COLOURS.red,
  DUPLICATE: '#820014'
}

export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  return (
    <Tag
      variant="solid"
      color={COLOUR[outcome]}
      icon={DISPLAY_ICON[outcome]}
      data-outcome={outcome}
      className="outcome-tag"
    >
      {t(`decision.title.${outcome}`)}
    </Tag>
  )
}
