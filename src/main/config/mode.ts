/**
 * Training or live. A station is in training mode until set-up switches it to live
 * (the wizard writes mode.json); a missing or unreadable mode file means training,
 * the safe side: no real coupon is consumed by accident.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { z } from 'zod'
import type { StationMode } from '../../shared/ipc/types'
import { modeFile } from './paths'

const ModeFile = z.object({ mode: z.enum(['training', 'live']) })

export function readMode(dataDir: string): StationMode {
  try {
    const parsed = ModeFile.safeParse(JSON.parse(readFileSync(modeFile(dataDir), 'utf8')))
    return parsed.success ? parsed.data.mode : 'training'
  } catch {
    return 'training'
  }
}

export function writeMode(dataDir: string, mode: StationMode): void {
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(modeFile(dataDir), JSON.stringify({ mode }, null, 2) + '\n')
}
