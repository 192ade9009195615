/**
 * Where a station keeps its files. Training and live data never share a file (or a folder),
 * so switching modes can never mix practice redemptions into the real ledger.
 */
import { join } from 'node:path'
import type { StationMode } from '../../shared/ipc/types'

export const modeFile = (dataDir: string): string => join(dataDir, 'mode.json')
export const modeDir = (dataDir: string, mode: StationMode): string => join(dataDir, mode)
export const databaseFile = (dataDir: string, mode: StationMode): string =>
  join(modeDir(dataDir, mode), 'station.db')
