/**
 * A PIN field with a big on-screen keypad: usable with the keyboard (digits, Backspace, Enter) and with a
 * finger on a touch till. The field is a real password input so screen readers and tests can reach it.
 */
import { Button, Input, type InputRef } from 'antd'
import { useCallback, useEffect, useRef } from 'react'
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
  /**
   * Take digits, Backspace and Enter typed anywhere on the page into this field. A dialog opens with an
   * animation and its focus lands late on a busy till: a manager who types at once must not lose the first
   * digits, nor have them land in the bill field behind the dialog.
   */
  captureKeys?: boolean
}

export function PinPad({
  value,
  onChange,
  onSubmit,
  label,
  busy = false,
  testId = 'pin',
  autoFocus = true,
  captureKeys = false
}: PinPadProps) {
  const { t } = useTranslation()
  const field = useRef<InputRef>(null)
  const set = useCallback(
    (next: string) => {
      onChange(next.replace(/\D/g, '').slice(0, MAX_PIN))
      field.current?.focus()
    },
    [onChange]
  )
  useEffect(() => {
    if (!captureKeys) return
    const onKey = (e: KeyboardEvent) => {
      if (e.target === field.current?.input || e.ctrlKey || e.altKey || e.metaKey) return
      if (/^\d$/.test(e.key)) set(value + e.key)
      else if (e.key === 'Backspace') set(value.slice(0, -1))
      else if (e.key === 'Enter' && value.length >= 4 && !busy) onSubmit()
      else return
      e.preventDefault()
      e.stopPropagation()
    }
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [captureKeys, value, busy, set, onSubmit])
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
