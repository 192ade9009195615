/**
 * A small TCP proxy for the store-hub benches (docs/performance.md § Store hub): it forwards bytes to a target and
 * adds a fixed delay to each chunk in the chosen directions, keeping their order, so a loopback hub looks like
 * one across a store LAN. Three modes, switchable while connections are open:
 *
 * - `pass`: forward (with the delay);
 * - `blackhole`: a silent hub loss (a cable pulled, a switch gone): every connection stays open and no byte
 *   moves in either direction (new connections are accepted and then stall too) — no reset, no FIN. Back in
 *   `pass`, the held bytes arrive, as TCP's retransmissions would deliver them;
 * - `refuse`: the hub's machine is up and its port closed: open connections are reset, new ones closed at once.
 *
 * Used by the store-hub bench (bench/hub/tills.ts) and the feed heartbeat test (test/storeLink/heartbeat.test.ts).
 * It is not the fault harness (test/hubFaults): it has no fault schedule.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'

export type ProxyMode = 'pass' | 'blackhole' | 'refuse'

export interface DelayProxyOptions {
  targetHost?: string
  targetPort: number
  /** Added to every chunk going client → target (the request direction). */
  upMs?: number
  /** Added to every chunk going target → client (the answer direction). */
  downMs?: number
}

export interface DelayProxy {
  url: string
  port: number
  mode(): ProxyMode
  setMode(mode: ProxyMode): void
  /** Connections currently open through the proxy. */
  connections(): number
  close(): Promise<void>
}

/**
 * Forwards `from` → `to`, each chunk `delayMs` after it arrived, in order. While `held()` says so nothing is
 * delivered: the bytes wait, as TCP keeps retransmitting through a pulled cable, and arrive once it is back.
 * Returns a function that delivers what is due (called when the hold ends).
 */
function pipeDelayed(from: Socket, to: Socket, delayMs: number, held: () => boolean): () => void {
  const queue: { at: number; chunk: Buffer | null }[] = []
  let timer: NodeJS.Timeout | null = null
  const release = (): void => {
    timer = null
    if (held()) return
    const now = performance.now()
    while (queue.length > 0 && queue[0]!.at <= now) {
      const { chunk } = queue.shift()!
      if (to.destroyed) continue
      // null: the half-close, after the data it follows.
      if (chunk === null) to.end()
      else to.write(chunk)
    }
    if (queue.length > 0) timer = setTimeout(release, Math.max(0, queue[0]!.at - now))
  }
  const push = (chunk: Buffer | null): void => {
    if (delayMs <= 0 && queue.length === 0 && !held()) {
      if (chunk === null) to.end()
      else to.write(chunk)
      return
    }
    queue.push({ at: performance.now() + delayMs, chunk })
    if (!held()) timer ??= setTimeout(release, delayMs)
  }
  from.on('data', (chunk: Buffer) => push(chunk))
  from.on('end', () => push(null))
  return () => {
    if (timer === null) release()
  }
}

export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const host = options.targetHost ?? '127.0.0.1'
  let mode: ProxyMode = 'pass'
  const open = new Set<Socket>()
  const resumes = new Set<() => void>()
  const held = (): boolean => mode === 'blackhole'

  const server: Server = createServer((client) => {
    if (mode === 'refuse') {
      client.resetAndDestroy()
      return
    }
    open.add(client)
    client.setNoDelay(true)
    const upstream = connect({ host, port: options.targetPort })
    upstream.setNoDelay(true)
    open.add(upstream)
    const up = pipeDelayed(client, upstream, options.upMs ?? 0, held)
    const down = pipeDelayed(upstream, client, options.downMs ?? 0, held)
    resumes.add(up)
    resumes.add(down)
    const gone = (): void => {
      open.delete(client)
      open.delete(upstream)
      resumes.delete(up)
      resumes.delete(down)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', gone)
    upstream.on('error', gone)
    client.on('close', gone)
    upstream.on('close', gone)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    mode: () => mode,
    setMode(next) {
      mode = next
      if (next === 'refuse') for (const socket of open) socket.resetAndDestroy()
      if (next === 'pass') for (const resume of resumes) resume()
    },
    connections: () => open.size / 2,
    async close() {
      for (const socket of open) socket.destroy()
      open.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
