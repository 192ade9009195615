/**
 * Talks to the built host's contract over its WebSocket, as a second screen would: one connection is one
 * session in main. The manager test uses it to ring up redemptions as a cashier and for the training drill,
 * so the browser is left to what the manager does.
 */
import { WebSocket } from 'ws'
import type { HostProcess } from './host'

export interface Reply<T = unknown> {
  ok: boolean
  value?: T
  error?: { code: string; message: string }
}

export interface ContractClient {
  call<T = unknown>(channel: string, request?: unknown): Promise<Reply<T>>
  /** Like call, but throws on an error reply. */
  value<T = unknown>(channel: string, request?: unknown): Promise<T>
  close(): void
}

export async function connectContract(host: HostProcess): Promise<ContractClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${new URL(host.origin).port}/ipc?token=${host.token}`, {
    headers: { Origin: host.origin }
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  let nextId = 1
  const waiting = new Map<number, (reply: Reply) => void>()
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { t: string; id?: number; result?: Reply }
    if (message.t === 'result' && message.id !== undefined && message.result)
      waiting.get(message.id)?.(message.result)
  })
  const call = <T>(channel: string, request?: unknown) =>
    new Promise<Reply<T>>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve as (reply: Reply) => void)
      ws.send(JSON.stringify({ t: 'call', id, channel, request }))
    })
  return {
    call,
    value: async <T>(channel: string, request?: unknown) => {
      const reply = await call<T>(channel, request)
      if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code} ${reply.error?.message}`)
      return reply.value as T
    },
    close: () => ws.close()
  }
}
