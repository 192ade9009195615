import { describe, expect, it } from 'vitest'
import { contract, eventContract } from '../../src/shared/ipc/contract'
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/ipc/names'

describe('the IPC contract', () => {
  it('has exactly the channel and event names the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_NAMES].sort())
  })

  it('gives every channel a request schema and an access level', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(typeof spec.request.safeParse, name).toBe('function')
      expect(['public', 'staff', 'manager'], name).toContain(spec.access)
    }
  })
})
