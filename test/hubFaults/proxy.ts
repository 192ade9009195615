/**
 * A small TCP proxy between one till and the hub: the fault harness's network. Modes:
 * - `pass`: bytes both ways, at once;
 * - `latency`: every chunk held `ms` before it is forwarded (both ways), in order;
 * - `drop` (silent drop): new connections are accepted and never forwarded, nothing is ever answered, and what
 *   was open stops carrying bytes until the drop ends — a hub that vanished without a reset, the hardest case
 *   for a deadline;
 * - `refuse`: a new connection is closed at once (the cable is out: the till learns it quickly);
 * - `cut()`: every open connection is destroyed at once (a reset), new ones go through in the current mode;
 * - `chop`: each new connection carries only the first `bytes` of the request (side `request`: the hub gets half
 *   a batch) or of the answer (side `answer`: the hub has committed, the till never hears it), then both ends are
 *   reset — a connection cut mid-batch, every time (`chopped()` counts them).
 * The target can move (`retarget`) when a restarted hub listens elsewhere; the till keeps the proxy's address.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

export type ProxyMode =
  | { kind: 'pass' }
  | { kind: 'latency'; ms: number }
  | { kind: 'drop' }
  | { kind: 'refuse' }
  | { kind: 'chop'; side: 'request' | 'answer'; bytes: number }

export interface TcpProxy {
  readonly port: number
  readonly url: string
  mode(mode: ProxyMode): void
  current(): ProxyMode
  retarget(host: string, port: number): void
  /** Destroys every open connection (both sides). */
  cut(): number
  /** Open client connections (for the test's own checks). */
  open(): number
  /** Connections reset by `chop` so far. */
  chopped(): number
  close(): Promise<void>
}

interface Pair {
  client: Socket
  upstream: Socket | null
}

export async function startProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = { kind: 'pass' }
  let to = { ...target }
  const pairs = new Set<Pair>()
  const blackHoled = new Set<Socket>()

  const server: Server = createServer((client) => {
    const pair: Pair = { client, upstream: null }
    pairs.add(pair)
    client.on('error', () => undefined)
    client.on('close', () => {
      pairs.delete(pair)
      pair.upstream?.destroy()
    })
    if (mode.kind === 'refuse') {
      client.resetAndDestroy()
      return
    }
    if (mode.kind === 'drop') {
      // Accepted, read and thrown away: the till's request is never answered and never refused. On a real link
      // such a connection would never have been made (the SYN is lost), so it is dropped when the drop ends.
      client.on('data', () => undefined)
      blackHoled.add(client)
      client.on('close', () => blackHoled.delete(client))
      return
    }
    const upstream = connect(to.port, to.host)
    pair.upstream = upstream
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => client.destroy())
    if (mode.kind === 'chop') {
      const { side, bytes } = mode
      const [from, into] = side === 'request' ? [client, upstream] : [upstream, client]
      chopAfter(from, into, bytes, () => {
        chopped++
        client.destroy()
        upstream.destroy()
      })
      if (side === 'request') pipe(upstream, client)
      else pipe(client, upstream)
      return
    }
    pipe(client, upstream)
    pipe(upstream, client)
  })
  let chopped = 0

  /** Forwards the first `bytes` of `from`, then (once they are flushed) resets both ends. */
  function chopAfter(from: Socket, into: Socket, bytes: number, reset: () => void): void {
    let budget = bytes
    from.on('data', (chunk: Buffer) => {
      if (budget <= 0) return
      const part = chunk.subarray(0, budget)
      budget -= part.length
      if (!into.destroyed) into.write(part)
      if (budget <= 0) setTimeout(reset, 20)
    })
  }

  // A connection opened before a silent drop stops carrying bytes, as on a dead link: its bytes wait (TCP keeps
  // retransmitting) and flow again in order once the link is back, unless an end closed the socket first.
  let healed: Promise<void> = Promise.resolve()
  let heal: () => void = () => undefined
  const blocked = () => mode.kind === 'drop' || mode.kind === 'refuse'

  /** Forwards `from` → `into` under the mode of the moment each chunk arrives. */
  function pipe(from: Socket, into: Socket): void {
    let chain = Promise.resolve()
    from.on('data', (chunk: Buffer) => {
      const now = mode
      if (blocked()) {
        chain = chain
          .then(() => healed)
          .then(() => {
            if (!into.destroyed) into.write(chunk)
          })
        return
      }
      if (now.kind === 'pass') {
        chain = chain.then(() => {
          if (!into.destroyed) into.write(chunk)
        })
        return
      }
      // In order: each chunk waits for the one before it and then its own delay.
      const ms = now.kind === 'latency' ? now.ms : 0
      chain = chain.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (!into.destroyed) into.write(chunk)
              resolve()
            }, ms)
          )
      )
    })
    from.on('end', () => {
      void chain.then(() => into.end())
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    mode: (next) => {
      const wasBlocked = blocked()
      mode = next
      if (!wasBlocked && blocked()) healed = new Promise<void>((resolve) => (heal = resolve))
      if (wasBlocked && !blocked()) {
        heal()
        for (const socket of blackHoled) socket.destroy()
        blackHoled.clear()
      }
    },
    current: () => mode,
    retarget: (host, p) => {
      to = { host, port: p }
    },
    cut: () => {
      const n = pairs.size
      for (const pair of [...pairs]) {
        pair.client.destroy()
        pair.upstream?.destroy()
      }
      pairs.clear()
      return n
    },
    open: () => pairs.size,
    chopped: () => chopped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) {
          pair.client.destroy()
          pair.upstream?.destroy()
        }
        server.close(() => resolve())
      })
  }
}
