/** Calls a no-argument channel once and keeps its result; the renderer's basic read hook. */
import { useEffect, useState } from 'react'
import type { ChannelName } from '../../../shared/ipc/names'
import type { ResponseOf } from '../../../shared/ipc/contract'
import type { AppError, Result } from '../../../shared/result'
import { station } from '../api'

type NoArgChannel = 'app.info' | 'db.ping'

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: AppError }

export function useChannel<K extends NoArgChannel & ChannelName>(channel: K): Loaded<ResponseOf<K>> {
  const [loaded, setLoaded] = useState<Loaded<ResponseOf<K>>>({ state: 'loading' })
  useEffect(() => {
    let live = true
    const invoke = station.invoke[channel] as (request: undefined) => Promise<Result<ResponseOf<K>>>
    void invoke(undefined).then((result) => {
      if (!live) return
      setLoaded(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error })
    })
    return () => {
      live = false
    }
  }, [channel])
  return loaded
}
