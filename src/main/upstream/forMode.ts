/**
 * Which upstream this station talks to. Training: the built-in sandbox, in-process, behind
 * the very same WeChat client the live station uses (so practice exercises real code).
 * Live: the WeChat Card API (or a merchant's token service) from the station's settings;
 * until those are set, an upstream that explains it is not configured.
 */
import type { StationMode } from '../../shared/ipc/types'
import {
  createSandboxFetch,
  createTrainingSandbox,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  type TrainingSandbox
} from './sandbox'
import { UpstreamError, type Upstream } from './types'
import { WechatCardClient, type WechatCredentials } from './wechat'

export interface LiveUpstreamConfig {
  baseUrl?: string
  credentials: WechatCredentials
}

export interface StationUpstream {
  upstream: Upstream
  /** Present in training mode: the in-process sandbox (tests and the training sheet reach it). */
  sandbox: TrainingSandbox | null
}

/** Where the training sandbox pretends to live; only the path matters to the in-process fetch. */
const TRAINING_BASE_URL = 'https://sandbox.training.invalid'

export function upstreamFor(
  mode: StationMode,
  live: LiveUpstreamConfig | null,
  now: () => number,
  /** The store's zone: the training seed picks its outside-hours window on the store's clock. */
  storeZone?: () => string
): StationUpstream {
  if (mode === 'training') {
    const sandbox = createTrainingSandbox({ now, ...(storeZone ? { storeZone } : {}) })
    const upstream = new WechatCardClient({
      name: 'sandbox',
      baseUrl: TRAINING_BASE_URL,
      fetch: createSandboxFetch(sandbox),
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET },
      // The sandbox ignores cond_source: asking for both sources would count every redemption twice.
      datacubeSources: [0],
      now
    })
    return { upstream, sandbox }
  }
  if (!live) return { upstream: unconfiguredUpstream(), sandbox: null }
  return {
    upstream: new WechatCardClient({
      credentials: live.credentials,
      now,
      ...(live.baseUrl ? { baseUrl: live.baseUrl } : {})
    }),
    sandbox: null
  }
}

function unconfiguredUpstream(): Upstream {
  const refuse = async (): Promise<never> => {
    throw new UpstreamError('auth', 'No WeChat connection is configured: a manager must finish set-up.')
  }
  return {
    name: 'unconfigured',
    getCodeStatus: refuse,
    consume: refuse,
    getCard: refuse,
    listCardIds: refuse,
    decrypt: refuse
  }
}
