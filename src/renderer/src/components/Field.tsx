/**
 * A labelled control for settings forms: a real <label> tied to the control by id (screen readers and
 * clicks find the field), an optional help line under it, and the field's problem in plain words when
 * there is one (set-up validates each step's fields on that step).
 */
import { cloneElement, useId, type ReactElement } from 'react'

interface FieldProps {
  label: string
  children: ReactElement
  help?: string
  error?: string | null
}

export function Field({ label, children, help, error }: FieldProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children as ReactElement<{ id?: string; 'aria-invalid'?: boolean; status?: string }>, {
        id,
        ...(error ? { 'aria-invalid': true, status: 'error' } : {})
      })}
      {help && <small className="field-help">{help}</small>}
      {error && (
        <small className="field-error" role="alert" data-testid="field-error">
          {error}
        </small>
      )}
    </div>
  )
}
