/**
 * Typing a code by hand: for damaged barcodes and text-only coupons (CODE_TYPE_TEXT). The scanner does not
 * need this field — the wedge listener hears it anywhere — but the field is also where a plain keyboard
 * "scan" lands when nothing else has focus.
 */
import { Button, Input, type InputRef } from 'antd'
import { EditOutlined, LoadingOutlined } from '@ant-design/icons'
import { useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notice } from './counterState'

export const MANUAL_DEVICE = 'manual-entry'

interface ManualEntryProps {
  inputRef: Ref<InputRef>
  scanning: string | null
  notice: Notice
  onSubmit: (raw: string) => void
}

export function ManualEntry({ inputRef, scanning, notice, onSubmit }: ManualEntryProps) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const submit = () => {
    const raw = text.trim()
    if (!raw) return
    setText('')
    onSubmit(raw)
  }
  return (
    <div className="manual-entry">
      <label htmlFor="manual-code" className="manual-label">
        <EditOutlined aria-hidden /> {t('manual.label')}
      </label>
      <Input
        id="manual-code"
        ref={inputRef}
        size="large"
        className="manual-input mono"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={t('manual.placeholder')}
        value={text}
        data-testid="manual-input"
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault()
          e.stopPropagation()
          submit()
        }}
      />
      <Button size="large" onClick={submit} data-testid="manual-submit">
        {t('manual.submit')}
      </Button>
      <span className="manual-status" role="status" data-testid="scan-notice" data-notice={notice ?? ''}>
        {scanning !== null && (
          <>
            <LoadingOutlined aria-hidden /> {t('manual.looking')}
          </>
        )}
        {scanning === null && notice && t(`notice.${notice}`)}
      </span>
    </div>
  )
}
