/** A labelled control on the devices page (a real <label>, so screen readers and clicks find the field). */
import { useId, type ReactElement } from 'react'
import { cloneElement } from 'react'

export function Field({ label, children, help }: { label: string; children: ReactElement; help?: string }) {
  const id = useId()
  return (
    <div className="device-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children as ReactElement<{ id?: string }>, { id })}
      {help && <small className="device-field-help">{help}</small>}
    </div>
  )
}
