/**
 * The remaining set-up errcodes over real HTTP: an IP that is not on the account's whitelist (40164, from the
 * sandbox configured with a whitelist) and an account without the card API (48001, from a minimal stand-in
 * server that answers tokens but refuses card calls, as WeChat does for such an account).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { testConnection } from '../../src/main/setup/connectionTest'
import {
  createTrainingSandbox,
  startSandboxServer,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET
} from '../../src/main/upstream/sandbox'

const closers: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const close of closers) await close()
})

describe('set-up connection test: clear words for each errcode', () => {
  it('40164: this computer is not on the IP whitelist', async () => {
    const server = await startSandboxServer({
      sandbox: createTrainingSandbox({ ipWhitelist: ['203.0.113.7'] })
    })
    closers.push(() => server.close())
    const result = await testConnection({
      kind: 'wechat',
      baseUrl: server.url,
      appId: TRAINING_APP_ID,
      appSecret: TRAINING_APP_SECRET
    })
    expect(result).toMatchObject({ ok: false, outcome: 'IP_NOT_WHITELISTED', errcode: 40164 })
  })

  it('48001: the account may not use the card API', async () => {
    const server: Server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json')
      if (req.url?.startsWith('/cgi-bin/stable_token')) {
        res.end(JSON.stringify({ access_token: 'TOKEN-48001-TEST', expires_in: 7200 }))
        return
      }
      res.end(JSON.stringify({ errcode: 48001, errmsg: 'api unauthorized rid: 6543-21' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    const result = await testConnection({
      kind: 'wechat',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      appId: TRAINING_APP_ID,
      appSecret: TRAINING_APP_SECRET
    })
    expect(result).toMatchObject({ ok: false, outcome: 'NO_CARD_PERMISSION', errcode: 48001 })
  })
})
