/** The host's WebSocket frames: one schema for both ends (src/shared/ipc/wire.ts). */
import { describe, expect, it } from 'vitest'
import { ClientFrame, ServerFrame } from '../../src/shared/ipc/wire'

describe('WebSocket frames', () => {
  it('a call needs a whole non-negative id and a channel name of sane length', () => {
    expect(ClientFrame.safeParse({ t: 'call', id: 1, channel: 'app.info' }).success).toBe(true)
    expect(ClientFrame.safeParse({ t: 'call', id: -1, channel: 'app.info' }).success).toBe(false)
    expect(ClientFrame.safeParse({ t: 'call', id: 1.5, channel: 'app.info' }).success).toBe(false)
    expect(ClientFrame.safeParse({ t: 'call', id: 1, channel: 'x'.repeat(101) }).success).toBe(false)
  })

  it('the page reads results, known events and errors, and drops anything else', () => {
    expect(ServerFrame.safeParse({ t: 'result', id: 3, result: { ok: true, value: 7 } }).success).toBe(true)
    expect(
      ServerFrame.safeParse({
        t: 'result',
        id: 3,
        result: { ok: false, error: { code: 'LOCKED', message: 'm' } }
      }).success
    ).toBe(true)
    expect(ServerFrame.safeParse({ t: 'event', event: 'sync.state', payload: {} }).success).toBe(true)
    expect(ServerFrame.safeParse({ t: 'event', event: 'not.an.event', payload: {} }).success).toBe(false)
    expect(ServerFrame.safeParse({ t: 'result', id: 3 }).success).toBe(false)
    expect(ServerFrame.safeParse({ t: 'result', id: 3, result: { ok: 'yes' } }).success).toBe(false)
    expect(ServerFrame.safeParse({ t: 'hello' }).success).toBe(false)
  })
})
