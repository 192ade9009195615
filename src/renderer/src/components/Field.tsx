/**
 * A labelled control for settings forms: a real <label> tied to the control by id (screen readers and
 * clicks find the field), an optional help line under it.
 */
import { cloneElement, useId, type ReactElement } from 'react'

export function Field({ label, children, help }: { label: string; children: ReactElement; help?: string }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children as ReactElement<{ id?: string }>, { id })}
      {help && <small className="field-help">{help}</small>}
    </div>
  )
}
