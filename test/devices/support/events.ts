import type { ScanEvent } from '../../../src/shared/scan'
import type { Scanner, ScannerState, ScannerStatusEvent } from '../../../src/main/devices/scanner'

/** Resolves with the next status event in the given state; rejects after the deadline with what was seen. */
export function nextStatus(
  scanner: Scanner,
  state: ScannerState,
  deadlineMs = 5_000
): Promise<ScannerStatusEvent> {
  return new Promise((resolve, reject) => {
    const seen: string[] = []
    const timer = setTimeout(() => {
      scanner.off('status', listener)
      reject(new Error(`no '${state}' status within ${deadlineMs} ms; saw: ${seen.join(', ') || 'nothing'}`))
    }, deadlineMs)
    const listener = (event: ScannerStatusEvent): void => {
      seen.push(event.status)
      if (event.status !== state) return
      clearTimeout(timer)
      scanner.off('status', listener)
      resolve(event)
    }
    scanner.on('status', listener)
  })
}

export interface Recorder {
  scans: ScanEvent[]
  statuses: ScannerStatusEvent[]
  /** Resolves once at least `count` scans have arrived; rejects after the deadline. */
  scansReach(count: number, deadlineMs?: number): Promise<ScanEvent[]>
}

export function record(scanner: Scanner): Recorder {
  const scans: ScanEvent[] = []
  const statuses: ScannerStatusEvent[] = []
  const waiters: Array<() => void> = []
  scanner.on('scan', (event) => {
    scans.push(event)
    for (const wake of waiters.splice(0)) wake()
  })
  scanner.on('status', (event) => statuses.push(event))
  const scansReach = (count: number, deadlineMs = 5_000): Promise<ScanEvent[]> =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`expected ${count} scans within ${deadlineMs} ms, got ${scans.length}`)),
        deadlineMs
      )
      const check = (): void => {
        if (scans.length >= count) {
          clearTimeout(deadline)
          resolve(scans.slice())
        } else waiters.push(check)
      }
      check()
    })
  return { scans, statuses, scansReach }
}
