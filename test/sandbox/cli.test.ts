/** The CLI logic (cli.ts only wires it to process.argv and signals). */
import { describe, expect, it } from 'vitest'
import { parseCliArgs, runSandboxCli } from '../../src/main/upstream/sandbox/cli-run'
import type { WxJson } from './helpers'

describe('parseCliArgs', () => {
  it('reads --port, --seed-now (ISO or epoch ms) and --store', () => {
    expect(parseCliArgs(['--port', '8123', '--seed-now', '2026-11-22T12:00:00+08:00', '--store=42'])).toEqual(
      {
        port: 8123,
        seedNow: Date.UTC(2026, 10, 22, 4),
        storeLocationId: 42
      }
    )
    expect(parseCliArgs(['--seed-now', '1700000000000'])).toMatchObject({
      seedNow: 1_700_000_000_000,
      port: 0
    })
  })

  it('explains bad arguments', () => {
    expect(parseCliArgs(['--port', '70000'])).toEqual({ error: 'bad --port 70000' })
    expect(parseCliArgs(['--seed-now', 'yesterday'])).toMatchObject({
      error: expect.stringMatching(/seed-now/)
    })
    expect(parseCliArgs(['--port'])).toEqual({ error: '--port needs a value' })
    expect(parseCliArgs(['--verbose', 'x'])).toEqual({ error: 'unknown option --verbose' })
  })
})

describe('runSandboxCli', () => {
  it('prints the URL and credentials that work, and the training codes', async () => {
    const lines: string[] = []
    const server = await runSandboxCli(['--port', '0', '--seed-now', '2026-11-22T12:00:00+08:00'], {
      log: (line) => lines.push(line),
      error: (line) => lines.push(`ERR ${line}`)
    })
    if (!server) throw new Error(lines.join('\n'))
    try {
      expect(lines[0]).toMatch(/^Sandbox WeChat API listening on http:\/\/127\.0\.0\.1:\d+$/)
      const appid = lines.find((l) => l.startsWith('appid: '))?.slice(7)
      const secret = lines.find((l) => l.startsWith('secret: '))?.slice(8)
      expect(lines.some((l) => l.includes('001234500010'))).toBe(true)
      const url = lines[0]?.replace('Sandbox WeChat API listening on ', '')
      const reply = (await (
        await fetch(`${url}/cgi-bin/stable_token`, {
          method: 'POST',
          body: JSON.stringify({ grant_type: 'client_credential', appid, secret })
        })
      ).json()) as WxJson
      expect(reply.expires_in).toBe(7200)
    } finally {
      await server.close()
    }
  })

  it('prints usage and starts nothing on bad arguments', async () => {
    const errors: string[] = []
    const server = await runSandboxCli(['--nope', '1'], {
      log: () => undefined,
      error: (l) => errors.push(l)
    })
    expect(server).toBeUndefined()
    expect(errors.join('\n')).toMatch(/usage/)
  })
})
