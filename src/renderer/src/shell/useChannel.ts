/** Calls a no-argument channel once and keeps its result; the renderer's basic read hook (built on useLoad). */
import type { ChannelName } from '../../../shared/ipc/names'
import type { ResponseOf } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/result'
import { station } from '../api'
import { useLoad, type Loaded } from './useLoad'

type NoArgChannel = 'app.info' | 'db.ping'

export function useChannel<K extends NoArgChannel & ChannelName>(channel: K): Loaded<ResponseOf<K>> {
  const invoke = station.invoke[channel] as (request: undefined) => Promise<Result<ResponseOf<K>>>
  return useLoad(() => invoke(undefined), channel)
}
