/**
 * The receipt printer as the screens follow it: configuration, live state ('printer.status' events) and
 * the latest job of each paper ('printer.job' events), so a slip's button can say whether it printed.
 */
import { useCallback, useEffect, useState } from 'react'
import type { PrintJobView, PrinterOverview, PrinterStatus } from '../../../shared/printer'
import { station } from '../api'
import { call } from '../shell/call'

const subjectKey = (job: Pick<PrintJobView, 'kind' | 'subject'>) => `${job.kind}:${job.subject}`

export interface PrinterData {
  overview: PrinterOverview | null
  status: PrinterStatus | null
  /** The newest job for a paper (slip of a redemption id, a Z report number). */
  latest: (kind: PrintJobView['kind'], subject: string) => PrintJobView | undefined
  reload: () => void
}

export function usePrinter(): PrinterData {
  const [overview, setOverview] = useState<PrinterOverview | null>(null)
  const [status, setStatus] = useState<PrinterStatus | null>(null)
  const [jobs, setJobs] = useState<ReadonlyMap<string, PrintJobView>>(new Map())

  const reload = useCallback(() => {
    void call('printer.get', undefined).then((r) => {
      if (!r.ok) return
      setOverview(r.value)
      setStatus(r.value.status)
    })
  }, [])

  useEffect(() => {
    reload()
    const offStatus = station.subscribe['printer.status']((s) => setStatus(s))
    const offJob = station.subscribe['printer.job']((job) => {
      setJobs((before) => {
        const key = subjectKey(job)
        const known = before.get(key)
        if (known && known.id > job.id) return before
        return new Map(before).set(key, job)
      })
      // The list of unprinted jobs follows finished jobs.
      if (job.state === 'printed' || job.state === 'failed') reload()
    })
    return () => {
      offStatus()
      offJob()
    }
  }, [reload])

  const latest = useCallback(
    (kind: PrintJobView['kind'], subject: string) => jobs.get(subjectKey({ kind, subject })),
    [jobs]
  )
  return { overview, status, latest, reload }
}
