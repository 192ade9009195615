/**
 * The set-up a manager saved, kept in <dataDir>/setup.json (no secrets: those are in the SecretStore).
 * It lives beside mode.json, outside the training and live databases, so the set-up done while the
 * station is still in training carries over to live — but no training data does. Each save bumps
 * `revision`; a database applies a revision it has not seen yet when the station opens (and at once
 * when saved), writing the identity, the store profile and (live database only) the policy into that
 * database's settings. The policy is the live one: training keeps its own practice policy.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { rulesPolicySchema } from '../../shared/rules'
import type { StationMode } from '../../shared/ipc/types'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { readIdentity, writeIdentity } from '../config/identity'
import { StoreProfileSchema } from '../config/storeProfile'
import type { LiveUpstreamConfig } from '../upstream/forMode'
import type { SecretStore } from './secrets'

export const setupFile = (dataDir: string): string => join(dataDir, 'setup.json')

export const storedUpstreamSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('training') }).strict(),
  z.object({ kind: z.literal('wechat'), baseUrl: z.string().nullable(), appId: z.string() }).strict(),
  z.object({ kind: z.literal('tokenService'), url: z.string() }).strict()
])
export type StoredUpstream = z.infer<typeof storedUpstreamSchema>

export const storedSetupSchema = z
  .object({
    revision: z.number().int().positive(),
    store: z
      .object({
        storeName: z.string().min(1),
        storeLocationId: z.number().int().positive().nullable(),
        stationName: z.string().min(1),
        timeZone: StoreProfileSchema.shape.timeZone,
        cutoffMinutes: StoreProfileSchema.shape.cutoffMinutes
      })
      .strict(),
    upstream: storedUpstreamSchema,
    policy: rulesPolicySchema
  })
  .strict()
export type StoredSetup = z.infer<typeof storedSetupSchema>

export function readSetup(dataDir: string): StoredSetup | null {
  try {
    const parsed = storedSetupSchema.safeParse(JSON.parse(readFileSync(setupFile(dataDir), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function writeSetup(dataDir: string, setup: StoredSetup): void {
  mkdirSync(dataDir, { recursive: true })
  const file = setupFile(dataDir)
  writeFileSync(`${file}.tmp`, JSON.stringify(storedSetupSchema.parse(setup), null, 2) + '\n')
  renameSync(`${file}.tmp`, file)
}

/** The live upstream the saved set-up describes, or null (not set up, training, or a secret is missing). */
export function liveConfigFrom(setup: StoredSetup | null, secrets: SecretStore): LiveUpstreamConfig | null {
  if (!setup) return null
  const up = setup.upstream
  if (up.kind === 'wechat') {
    const appSecret = secrets.get('wechat.appSecret')
    if (!appSecret) return null
    return {
      ...(up.baseUrl ? { baseUrl: up.baseUrl } : {}),
      credentials: { kind: 'appSecret', appId: up.appId, appSecret }
    }
  }
  if (up.kind === 'tokenService') {
    const stationKey = secrets.get('tokenService.stationKey')
    return { credentials: { kind: 'tokenService', url: up.url, ...(stationKey ? { stationKey } : {}) } }
  }
  return null
}

const APPLIED_KEY = 'setup.appliedRevision'

/** Writes the saved set-up into this database's settings (call inside the caller's transaction). */
export function applySetupToDb(db: Db, mode: StationMode, setup: StoredSetup): void {
  const identity = readIdentity(db, mode)
  const { storeLocationId, storeName, stationName, timeZone, cutoffMinutes } = setup.store
  const { storeLocationId: _old, ...rest } = identity
  void _old
  writeIdentity(db, {
    ...rest,
    storeName,
    stationName,
    ...(storeLocationId !== null ? { storeLocationId } : {})
  })
  writeSetting(db, 'store.profile', StoreProfileSchema.parse({ timeZone, cutoffMinutes }))
  // The saved policy is the live one; a training database keeps its own practice policy.
  if (mode === 'live') writeSetting(db, 'rules.policy', rulesPolicySchema.parse(setup.policy))
  writeSetting(db, APPLIED_KEY, setup.revision)
}

/** On open: applies a saved set-up this database has not seen yet (e.g. the first start in live mode). */
export function syncSetupIntoDb(db: Db, mode: StationMode, dataDir: string): void {
  const setup = readSetup(dataDir)
  if (!setup) return
  const applied = readSetting(db, APPLIED_KEY)
  if (typeof applied === 'number' && applied >= setup.revision) return
  db.transaction(() => applySetupToDb(db, mode, setup))()
}
