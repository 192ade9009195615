/** Shared set-up for the sandbox tests: a training sandbox on a fake clock, served on loopback. */
import {
  createTrainingSandbox,
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  type Sandbox,
  type SandboxServer,
  type TrainingSandboxOptions
} from '../../src/main/upstream/sandbox'

/** 2026-11-22 14:00 in Beijing (a Sunday afternoon). */
export const T0 = Date.UTC(2026, 10, 22, 6, 0, 0)
export const DAY_MS = 86_400_000

export interface WxJson {
  errcode?: number
  errmsg?: string
  access_token?: string
  expires_in?: number
  card?: {
    card_id?: string
    begin_time?: number
    end_time?: number
    card_type?: string
    [key: string]: unknown
  }
  openid?: string
  can_consume?: boolean
  user_card_status?: string
  outer_str?: string
  card_id_list?: string[]
  total_num?: number
  code?: string
  list?: Array<{ ref_date: string; verify_cnt: number; verify_user: number; [key: string]: unknown }>
}

export interface Harness {
  server: SandboxServer
  sandbox: Sandbox
  url: string
  clock: { now: number }
  /** Back to T0 and the seeded state, with no faults. */
  reset(): void
  token(): Promise<string>
  post(path: string, body: unknown, token?: string): Promise<WxJson>
  postRaw(path: string, body: string, token?: string): Promise<WxJson>
  admin(method: string, path: string, body?: unknown): Promise<Response>
}

export async function startHarness(options: Omit<TrainingSandboxOptions, 'now'> = {}): Promise<Harness> {
  const clock = { now: T0 }
  const sandbox = createTrainingSandbox({ ...options, now: () => clock.now })
  const server = await startSandboxServer({ sandbox })
  const url = server.url
  const withToken = (path: string, token: string | undefined): string =>
    token === undefined ? `${url}${path}` : `${url}${path}?access_token=${encodeURIComponent(token)}`
  const postRaw = async (path: string, body: string, token?: string): Promise<WxJson> => {
    const res = await fetch(withToken(path, token), { method: 'POST', body })
    return (await res.json()) as WxJson
  }
  const harness: Harness = {
    server,
    sandbox,
    url,
    clock,
    reset() {
      clock.now = T0
      sandbox.reset()
    },
    async token() {
      const reply = await harness.post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: TRAINING_APP_ID,
        secret: TRAINING_APP_SECRET
      })
      if (typeof reply.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(reply)}`)
      return reply.access_token
    },
    post: (path, body, token) => postRaw(path, JSON.stringify(body), token),
    postRaw,
    admin: (method, path, body) =>
      fetch(`${url}/__sandbox/${path}`, {
        method,
        headers: { 'x-sandbox-admin': '1', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
  }
  return harness
}

/** Polls until `check` passes or the deadline passes (then it throws the last failure). No fixed sleeps. */
export async function eventually(check: () => void | Promise<void>, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}
