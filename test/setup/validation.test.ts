import { describe, expect, it } from 'vitest'
import { setupInputSchema } from '../../src/shared/setup'
import { validInput } from './support'

const messages = (value: unknown): string[] => {
  const parsed = setupInputSchema.safeParse(value)
  if (parsed.success) return []
  return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('set-up validation', () => {
  it('accepts a complete set-up and turns HH:mm into minutes', () => {
    const parsed = setupInputSchema.parse(validInput())
    expect(parsed.store.cutoff).toBe(270)
    expect(
      setupInputSchema.parse({ ...validInput(), store: { ...validInput().store, cutoff: 0 } }).store.cutoff
    ).toBe(0)
  })

  it('rejects a time zone that is not IANA', () => {
    expect(
      messages({ ...validInput(), store: { ...validInput().store, timeZone: 'China/Beijing' } })
    ).toEqual(['store.timeZone: timeZone must be a known IANA time zone, e.g. Asia/Shanghai'])
  })

  it.each([['24:00'], [1440], [-1], ['4:30']])('rejects the cut-off %s', (cutoff) => {
    expect(messages({ ...validInput(), store: { ...validInput().store, cutoff } })[0]).toMatch(
      /^store\.cutoff: cutoff must be minutes after midnight/
    )
  })

  it('rejects a store location id that is not a positive whole number', () => {
    expect(messages({ ...validInput(), store: { ...validInput().store, storeLocationId: -5 } })).toEqual([
      'store.storeLocationId: storeLocationId must be a positive number'
    ])
  })

  it.each([
    ['ftp://api.weixin.qq.com', 'upstream.baseUrl: baseUrl must be an https:// URL'],
    ['http://api.weixin.qq.com', 'upstream.baseUrl: baseUrl must be an https:// URL'],
    ['not a url', 'upstream.baseUrl: baseUrl must be an https:// URL']
  ])('rejects the base URL %s', (baseUrl, message) => {
    const input = validInput({ kind: 'wechat', baseUrl, appId: 'wx0123456789abcdef', appSecret: 'x' })
    expect(messages(input)[0]).toContain(message)
  })

  it('allows http only on loopback (the sandbox server)', () => {
    for (const baseUrl of ['http://127.0.0.1:4567', 'http://localhost:80', 'https://proxy.example.com/wx']) {
      expect(messages(validInput({ kind: 'wechat', baseUrl, appId: 'wx0123456789abcdef' }))).toEqual([])
    }
  })

  it('rejects a malformed AppID', () => {
    expect(messages(validInput({ kind: 'wechat', appId: 'wx123' }))).toEqual([
      "upstream.appId: appId must be 'wx' followed by 16 letters or digits, e.g. wx1234567890abcdef"
    ])
  })

  it('rejects negative offline caps with the policy’s own message', () => {
    const input = validInput()
    const bad = {
      ...input,
      policy: { ...input.policy, offline: { ...input.policy.offline, maxPerBusinessDay: -1 } }
    }
    expect(messages(bad)).toEqual([
      'policy.offline.maxPerBusinessDay: offline.maxPerBusinessDay must be 0 or more'
    ])
  })

  it('rejects unknown fields at every level', () => {
    expect(messages({ ...validInput(), extra: 1 })[0]).toMatch(/Unrecognized key.*extra/)
    expect(messages({ ...validInput(), store: { ...validInput().store, colour: 'red' } })[0]).toMatch(
      /^store: Unrecognized key.*colour/
    )
    expect(messages(validInput({ kind: 'training', appId: 'wx0123456789abcdef' } as never))[0]).toMatch(
      /^upstream: Unrecognized key.*appId/
    )
  })

  it('names the allowed upstream kinds', () => {
    expect(messages(validInput({ kind: 'alipay' } as never))).toEqual([
      "upstream.kind: upstream.kind must be 'training', 'wechat' or 'tokenService'"
    ])
  })
})
