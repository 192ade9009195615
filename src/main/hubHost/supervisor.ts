/**
 * The store hub as a supervised child of this station (docs/hub.md § The station side): started, restarted with
 * a growing pause when it dies, stopped with the station (SIGTERM, a wait for PostgreSQL's fast stop, then
 * SIGKILL). How a child is started is behind `HubLauncher`: the Node host forks the built hub entry
 * (./nodeChild.ts, what the tests prove); the packaged Electron app uses utilityProcess.fork
 * (src/main/app/hubUtility.ts), because the hardened fuses turn off RunAsNode.
 */

/** One running hub process, whatever started it. */
export interface HubChild {
  readonly pid: number | undefined
  /** The hub's `started` / `failed` message (src/hub/cli.ts HubParentMessage), unparsed. */
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null, signal: string | null) => void): void
  kill(signal: 'SIGTERM' | 'SIGKILL'): void
}

export interface HubLauncher {
  launch(args: string[]): HubChild
}

export type HubRunState = 'stopped' | 'starting' | 'running' | 'restarting'

export interface HubStatus {
  state: HubRunState
  /** The hub's own address (http://<listen>:<port>) while it runs. */
  url: string | null
  port: number | null
  epoch: string | null
  storeId: string | null
  /** Why the last start failed or the child died: a HubStartError code, HUB_EXITED or HUB_START_FAILED. */
  reason: string | null
  /** Restarts since the supervisor was started (a crash or a failed start each count one). */
  restarts: number
  /** The pid of the running child (tests kill it). */
  pid: number | null
  /** When the next start is due, while restarting (epoch ms). */
  retryAt: number | null
}

export interface SupervisorOptions {
  launcher: HubLauncher
  args: string[]
  now: () => number
  /** Pauses before each restart; the last repeats. Reset once a child ran `stableMs`. */
  backoffMs?: number[]
  stableMs?: number
  /** How long stop() waits after SIGTERM before SIGKILL (PostgreSQL's fast stop takes a few seconds). */
  stopGraceMs?: number
  onStatus?: (status: HubStatus) => void
  log?: (line: string) => void
}

const DEFAULT_BACKOFF = [1000, 2000, 5000, 10_000, 30_000, 60_000]

interface StartedMessage {
  type: 'started'
  url: string
  port: number
  epoch: string
  storeId: string | null
}

function parseMessage(message: unknown): StartedMessage | { type: 'failed'; code: string } | null {
  if (typeof message !== 'object' || message === null) return null
  const m = message as Record<string, unknown>
  if (
    m.type === 'started' &&
    typeof m.url === 'string' &&
    typeof m.port === 'number' &&
    typeof m.epoch === 'string'
  )
    return {
      type: 'started',
      url: m.url,
      port: m.port,
      epoch: m.epoch,
      storeId: typeof m.storeId === 'string' ? m.storeId : null
    }
  if (m.type === 'failed' && typeof m.code === 'string') return { type: 'failed', code: m.code }
  return null
}

export class HubSupervisor {
  private child: HubChild | null = null
  private exited: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private wanted = false
  private attempt = 0
  private startedAt = 0
  private current: HubStatus = {
    state: 'stopped',
    url: null,
    port: null,
    epoch: null,
    storeId: null,
    reason: null,
    restarts: 0,
    pid: null,
    retryAt: null
  }

  constructor(private readonly o: SupervisorOptions) {}

  status(): HubStatus {
    return { ...this.current }
  }

  start(): void {
    if (this.wanted) return
    this.wanted = true
    this.attempt = 0
    this.set({ restarts: 0, reason: null })
    this.spawn()
  }

  /** SIGTERM, then wait for the child (it stops HTTP, then PostgreSQL); SIGKILL after the grace. */
  async stop(): Promise<void> {
    this.wanted = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const child = this.child
    const exited = this.exited
    if (child && exited) {
      child.kill('SIGTERM')
      let grace: NodeJS.Timeout | null = null
      await Promise.race([
        exited,
        new Promise<void>((resolve) => {
          grace = setTimeout(() => {
            this.o.log?.('[hubHost] the hub did not stop in time: SIGKILL')
            child.kill('SIGKILL')
            resolve()
          }, this.o.stopGraceMs ?? 20_000)
        })
      ])
      if (grace) clearTimeout(grace)
      await exited
    }
    this.set({ state: 'stopped', url: null, port: null, pid: null, retryAt: null })
  }

  private spawn(): void {
    this.timer = null
    if (!this.wanted) return
    this.set({ state: this.current.restarts > 0 ? 'restarting' : 'starting', retryAt: null })
    let child: HubChild
    try {
      child = this.o.launcher.launch(this.o.args)
    } catch (err) {
      this.o.log?.(
        `[hubHost] the hub could not be launched: ${err instanceof Error ? err.message : String(err)}`
      )
      this.set({ reason: 'HUB_START_FAILED' })
      this.scheduleRestart()
      return
    }
    this.child = child
    this.startedAt = this.o.now()
    this.set({ pid: child.pid ?? null })
    let failedCode: string | null = null
    this.exited = new Promise<void>((resolve) => {
      child.onExit((code, signal) => {
        if (this.child === child) this.child = null
        this.o.log?.(`[hubHost] the hub exited (code ${code}, signal ${signal})`)
        resolve()
        if (!this.wanted) return
        // A child that ran long enough was healthy: its crash starts the pauses from the shortest again.
        if (this.o.now() - this.startedAt >= (this.o.stableMs ?? 60_000)) this.attempt = 0
        this.set({ url: null, port: null, pid: null, reason: failedCode ?? 'HUB_EXITED' })
        this.scheduleRestart()
      })
    })
    child.onMessage((raw) => {
      const message = parseMessage(raw)
      if (!message || this.child !== child) return
      if (message.type === 'failed') failedCode = message.code
      else
        this.set({
          state: 'running',
          url: message.url,
          port: message.port,
          epoch: message.epoch,
          storeId: message.storeId,
          reason: null
        })
    })
  }

  private scheduleRestart(): void {
    const backoff = this.o.backoffMs ?? DEFAULT_BACKOFF
    const pause = backoff[Math.min(this.attempt, backoff.length - 1)] ?? 1000
    this.attempt += 1
    this.set({ state: 'restarting', restarts: this.current.restarts + 1, retryAt: this.o.now() + pause })
    this.timer = setTimeout(() => this.spawn(), pause)
  }

  private set(patch: Partial<HubStatus>): void {
    this.current = { ...this.current, ...patch }
    this.o.onStatus?.(this.status())
  }
}
