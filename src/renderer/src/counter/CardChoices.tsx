/**
 * An unknown code (offline, or a custom code without a mapping): the cashier says which coupon it is.
 * Plain buttons rather than antd's: offline the list holds every active card of the store, and this screen
 * is on the scan-to-screen path (bench/latency).
 */
import { useTranslation } from 'react-i18next'
import type { CardChoice } from '../../../shared/redeem'

interface CardChoicesProps {
  choices: CardChoice[]
  picked: string | null
  onPick: (cardId: string) => void
}

export function CardChoices({ choices, picked, onPick }: CardChoicesProps) {
  const { t } = useTranslation()
  return (
    <section className="card-choices" aria-labelledby="card-choices-title" data-testid="card-choices">
      <h3 id="card-choices-title">{t('choices.title')}</h3>
      <div role="group" aria-labelledby="card-choices-title" className="card-choice-list">
        {choices.map((c, i) => (
          <button
            key={c.cardId}
            type="button"
            aria-pressed={picked === c.cardId}
            data-testid="card-choice"
            data-card-id={c.cardId}
            className="card-choice"
            autoFocus={i === 0 && picked === null}
            onClick={() => onPick(c.cardId)}
          >
            {c.title} · {t(`cardType.${c.cardType}`, { defaultValue: c.cardType })}
          </button>
        ))}
      </div>
    </section>
  )
}
