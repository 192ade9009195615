/** Where a print job stands, in words: waiting, printing, printed, or why it did not print. */
import { useTranslation } from 'react-i18next'
import type { PrintJobView } from '../../../shared/printer'

export function PrintJobText({ job }: { job: PrintJobView }) {
  const { t } = useTranslation()
  const why = job.failure ? t(`printer.state.${job.failure}`) : ''
  return (
    <span className={`print-job print-job-${job.state}`} data-testid="print-job" data-state={job.state}>
      {t(`printer.job.${job.state}`, { why })}
    </span>
  )
}
