/**
 * Roles are enforced in main, not by hiding buttons: a cashier who talks to the contract directly (the
 * host's WebSocket with its token) is refused every manager-only channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/shared/rules'
import { connectContract } from './support/contractClient'
import { startHostProcess, type HostProcess } from './support/host'

/** One connection = one session in main, like one browser tab. */
const connect = (host: HostProcess) => connectContract(host)

let host: HostProcess

beforeAll(async () => {
  host = await startHostProcess()
})

afterAll(async () => {
  await host?.stop()
})

describe('manager-only channels over the contract', () => {
  it('refuse a signed-in cashier with FORBIDDEN, and serve the manager', async () => {
    const manager = await connect(host)
    expect((await manager.call('staff.firstManager', { name: 'Manager', pin: '2468' })).ok).toBe(true)
    const created = await manager.call('staff.create', { name: 'Cashier', role: 'cashier', pin: '1357' })
    expect(created.ok).toBe(true)
    const cashierId = (created.value as { staffId: string }).staffId

    const cashier = await connect(host)
    // Before signing in nothing but public channels answer.
    expect((await cashier.call('policy.set', DEFAULT_POLICY)).error?.code).toBe('NOT_SIGNED_IN')
    expect((await cashier.call('staff.signIn', { staffId: cashierId, pin: '1357' })).ok).toBe(true)

    expect((await cashier.call('policy.set', DEFAULT_POLICY)).error?.code).toBe('FORBIDDEN')
    expect(
      (await cashier.call('staff.create', { name: 'Intruder', role: 'manager', pin: '1111' })).error?.code
    ).toBe('FORBIDDEN')
    expect((await cashier.call('redeem.void', { redemptionId: 'x', reason: 'test' })).error?.code).toBe(
      'FORBIDDEN'
    )
    // What a cashier may do still works on the same connection.
    expect((await cashier.call('policy.get')).ok).toBe(true)
    expect((await manager.call('policy.set', DEFAULT_POLICY)).ok).toBe(true)
    cashier.close()
    manager.close()
  })

  it('serve the training scenarios to staff only', async () => {
    const anonymous = await connect(host)
    expect((await anonymous.call('training.scenarios')).error?.code).toBe('NOT_SIGNED_IN')
    const list = await anonymous.call('staff.list')
    const managerId = (list.value as { staffId: string; role: string }[]).find(
      (s) => s.role === 'manager'
    )?.staffId
    expect((await anonymous.call('staff.signIn', { staffId: managerId, pin: '2468' })).ok).toBe(true)
    const scenarios = await anonymous.call('training.scenarios')
    expect(scenarios.ok).toBe(true)
    expect((scenarios.value as { key: string }[]).map((s) => s.key)).toContain('NETWORK_DOWN')
    anonymous.close()
  })
})
