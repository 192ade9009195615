/**
 * The devices page's data: the stored configuration, what the station can see plugged in, and the live
 * status of each configured scanner (from 'device.status' events, keyed by list and position).
 */
import { useCallback, useEffect, useState } from 'react'
import type { DeviceListing, DevicesConfig, DeviceStatus } from '../../../shared/devices'
import type { AppError } from '../../../shared/result'
import type { DevicesConfigInput } from '../../../shared/scannerConfig'
import { station } from '../api'
import { call } from '../shell/call'

export const statusKey = (s: Pick<DeviceStatus, 'kind' | 'index'>) => `${s.kind}:${s.index}`

export interface DevicesData {
  config: DevicesConfig | null
  listing: DeviceListing | null
  statuses: ReadonlyMap<string, DeviceStatus>
  error: AppError | null
  listingLoading: boolean
  refreshListing: () => void
  save: (config: DevicesConfigInput) => Promise<AppError | null>
}

export function useDevices(): DevicesData {
  const [config, setConfig] = useState<DevicesConfig | null>(null)
  const [listing, setListing] = useState<DeviceListing | null>(null)
  const [listingLoading, setListingLoading] = useState(true)
  const [statuses, setStatuses] = useState<ReadonlyMap<string, DeviceStatus>>(new Map())
  const [error, setError] = useState<AppError | null>(null)

  const loadStatuses = useCallback(() => {
    void call('devices.status', undefined).then((r) => {
      if (r.ok) setStatuses(new Map(r.value.map((s) => [statusKey(s), s])))
    })
  }, [])

  const fetchListing = useCallback(() => {
    void call('devices.list', undefined).then((r) => {
      setListingLoading(false)
      if (r.ok) setListing(r.value)
      else setError(r.error)
    })
  }, [])
  const refreshListing = useCallback(() => {
    setListingLoading(true)
    fetchListing()
  }, [fetchListing])

  useEffect(() => {
    void call('devices.config.get', undefined).then((r) => (r.ok ? setConfig(r.value) : setError(r.error)))
    fetchListing()
    loadStatuses()
    return station.subscribe['device.status']((status) =>
      setStatuses((before) => new Map(before).set(statusKey(status), status))
    )
  }, [fetchListing, loadStatuses])

  const save = useCallback(
    async (next: DevicesConfigInput): Promise<AppError | null> => {
      const r = await call('devices.config.set', next)
      if (!r.ok) return r.error
      setConfig(r.value)
      // The old scanners' statuses are gone in main; the new ones report as they open.
      setStatuses(new Map())
      loadStatuses()
      return null
    },
    [loadStatuses]
  )

  return { config, listing, statuses, error, listingLoading: listingLoading, refreshListing, save }
}
