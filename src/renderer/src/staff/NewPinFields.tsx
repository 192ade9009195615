/**
 * A new PIN typed twice: the same two fields wherever a person's PIN is set (first run, adding someone,
 * a manager's reset, changing one's own). `labels` names them "new PIN" where an old one exists.
 */
import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { PIN_RULE } from './pinRule'

export function NewPinFields({
  testIdPrefix,
  labels
}: {
  testIdPrefix: string
  labels?: { pin: string; again: string }
}) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item
        label={labels?.pin ?? t('firstRun.pin')}
        name="pin"
        rules={[{ required: true, pattern: PIN_RULE, message: t('firstRun.pinRule') }]}
      >
        <Input.Password
          inputMode="numeric"
          maxLength={8}
          autoComplete="off"
          data-testid={`${testIdPrefix}-pin`}
        />
      </Form.Item>
      <Form.Item
        label={labels?.again ?? t('firstRun.pinAgain')}
        name="pinAgain"
        dependencies={['pin']}
        rules={[
          { required: true, message: t('firstRun.pinRule') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('pin')
                ? Promise.resolve()
                : Promise.reject(new Error(t('firstRun.pinMismatch')))
          })
        ]}
      >
        <Input.Password
          inputMode="numeric"
          maxLength={8}
          autoComplete="off"
          data-testid={`${testIdPrefix}-pin-again`}
        />
      </Form.Item>
    </>
  )
}
