/**
 * The BUILT hub's HQ commands (out/main/hub.js, what `npm run hub` runs; build first): `--add-hq-admin` prints a
 * password once and exits, a second one with the same login is refused, and the hub then started on that data
 * directory serves the built HQ page (under its CSP) and signs that admin in with the printed password.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HQ_CSP } from '../../src/hub/http/hqRoutes'
import { HQ_PATHS } from '../../src/shared/hub/hqProtocol'
import { hubDataDir, removeHubDataDirs } from './support'

const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')
const dataDir = hubDataDir()
const running: { kill: (s: NodeJS.Signals) => void; exited: Promise<number | null> }[] = []

function run(args: string[]) {
  if (!existsSync(BUILT_HUB))
    throw new Error(`${BUILT_HUB} is missing: run \`npx electron-vite build\` first.`)
  const child = spawn(process.execPath, [BUILT_HUB, '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const handle = { kill: (s: NodeJS.Signals) => child.kill(s), exited, output: () => output }
  running.push(handle)
  return handle
}

afterAll(async () => {
  for (const child of running) child.kill('SIGTERM')
  await Promise.all(running.map((c) => c.exited))
  removeHubDataDirs()
})

describe('npm run hub -- --add-hq-admin', () => {
  let password = ''

  it('prints a password once and exits 0; the same login again is refused with exit 1', async () => {
    const add = run(['--add-hq-admin', 'chen', '--name', '陈总'])
    expect(await add.exited).toBe(0)
    const match = /Password \(shown once, give it to the user\): (\S+)/.exec(add.output())
    expect(match, add.output()).not.toBeNull()
    password = match![1]!
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/)
    const again = run(['--add-hq-admin', 'chen'])
    expect(await again.exited).toBe(1)
    expect(again.output()).toContain('already exists')
    expect(again.output()).not.toContain('Password')
  }, 120_000)

  it('the hub then serves the built HQ page and signs that admin in', async () => {
    const hub = run([])
    const deadline = Date.now() + 60_000
    let url = ''
    while (!url) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(hub.output())?.[1] ?? ''
      if (Date.now() > deadline) throw new Error(hub.output())
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(hub.output()).toContain(`HQ page: ${url}/hq`)
    const page = await fetch(`${url}/hq`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(HQ_CSP)
    const html = await page.text()
    const script = /src="\.\/(assets\/hq-[\w-]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    expect((await fetch(`${url}/${script}`)).headers.get('content-type')).toContain('javascript')
    expect((await fetch(`${url}/assets/..%2f..%2f..%2fpackage.json`)).status).toBe(404)

    const res = await fetch(`${url}${HQ_PATHS.session}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'chen', password })
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { value: { user: { name: string } } }).value.user.name).toBe('陈总')
    hub.kill('SIGTERM')
    expect(await hub.exited).toBe(0)
  }, 120_000)
})
