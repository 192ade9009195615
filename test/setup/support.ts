/** Shared fixtures of the set-up tests. */
import { DEFAULT_POLICY } from '../../src/shared/rules'
import type { SetupInput } from '../../src/shared/setup'

export const SECRET = 'S3cr3t-Recognisable-0123456789abcdef'

export const validInput = (upstream: SetupInput['upstream'] = { kind: 'training' }): SetupInput => ({
  store: {
    storeName: '静安店',
    storeLocationId: 4_812_345,
    stationName: '收银台 2',
    timeZone: 'Asia/Shanghai',
    cutoff: '04:30'
  },
  upstream,
  policy: { ...DEFAULT_POLICY, offline: { ...DEFAULT_POLICY.offline } }
})
