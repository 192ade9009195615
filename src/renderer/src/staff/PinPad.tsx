/**
 * A PIN field with a big on-screen keypad: usable with the keyboard (digits, Backspace, Enter) and with a
 * finger on a touch till. The field is a real password input so screen readers and tests can reach it.
 */
import { Button, Input, type InputRef } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'

const MAX_PIN = 8

interface PinPadProps {
  value: string
  onChange: (pin: string) => void
  onSubmit: () => void
  /** Accessible name of the field, e.g. "PIN of 王芳". */
  label: string
  busy?: boolean
  testId?: string
  autoFocus?: boolean
}

export function PinPad({
  value,
  onChange,
  onSubmit,
  label,
  busy = false,
  testId = 'pin',
  autoFocus = true
}: PinPadProps) {
  const { t } = useTranslation()
  const field = useRef<InputRef>(null)
  const set = (next: string) => {
    onChange(next.replace(/\D/g, '').slice(0, MAX_PIN))
    field.current?.focus()
  }
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9']
  return (
    <div className="pin-pad">
      <Input.Password
        ref={field}
        size="large"
        className="pin-field"
        value={value}
        autoFocus={autoFocus}
        autoComplete="off"
        inputMode="numeric"
        maxLength={MAX_PIN}
        visibilityToggle={false}
        aria-label={label}
        data-testid={`${testId}-input`}
        onChange={(e) => set(e.target.value)}
        onPressEnter={() => !busy && onSubmit()}
      />
      <div className="pin-keys" role="group" aria-label={t('pin.keypad')}>
        {digits.map((d) => (
          <Button key={d} size="large" className="pin-key" onClick={() => set(value + d)}>
            {d}
          </Button>
        ))}
        <Button
          size="large"
          className="pin-key"
          aria-label={t('pin.backspace')}
          onClick={() => set(value.slice(0, -1))}
        >
          ⌫
        </Button>
        <Button size="large" className="pin-key" onClick={() => set(value + '0')}>
          0
        </Button>
        <Button
          size="large"
          type="primary"
          className="pin-key"
          loading={busy}
          disabled={value.length < 4}
          data-testid={`${testId}-submit`}
          onClick={onSubmit}
        >
          {t('pin.ok')}
        </Button>
      </div>
    </div>
  )
}
