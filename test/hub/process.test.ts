/**
 * The BUILT hub (out/main/hub.js, what `npm run hub` runs) as a real child process: it prints its address and a
 * pairing code, a till pairs and claims over loopback, SIGTERM stops PostgreSQL cleanly, a second start reuses
 * the database, and a hub killed with SIGKILL leaves a PostgreSQL that the next start stops and takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { call, claimBody, hubDataDir, removeHubDataDirs, tillOf } from './support'

const BUILT_HUB = join(process.cwd(), 'out/main/hub.js')
const STORE = 'store-proc'
const dataDir = hubDataDir()
const children: ChildProcess[] = []

interface HubChild {
  child: ChildProcess
  url: string
  code: string
  epoch: string
  output: () => string
  exited: Promise<number | null>
}

async function startChild(): Promise<HubChild> {
  if (!existsSync(BUILT_HUB))
    throw new Error(`${BUILT_HUB} is missing: run \`npx electron-vite build\` first.`)
  const child = spawn(process.execPath, [BUILT_HUB, '--data-dir', dataDir, '--store-id', STORE], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const deadline = Date.now() + 60_000
  for (;;) {
    const match =
      /listening on (http:\/\/127\.0\.0\.1:\d+) \(epoch ([0-9a-f-]+)\)[\s\S]*Pairing code: (\S+)/.exec(output)
    if (match)
      return { child, url: match[1]!, epoch: match[2]!, code: match[3]!, output: () => output, exited }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`hub did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const postmasterPid = () => join(dataDir, 'postgres', 'data', 'postmaster.pid')
/** Running, not a zombie: an orphaned postmaster that exits may wait to be reaped by whoever adopted it. */
const alive = (pid: number) => {
  try {
    const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return state !== undefined && state !== 'Z'
  } catch {
    return false
  }
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 3000))
  removeHubDataDirs()
})

describe('the hub as a child process', () => {
  const claim = claimBody('till-1', { code: `proc-${Date.now()}` })
  let token = ''
  let epoch = ''

  it('prints how to pair, pairs a till, grants its claim, and stops PostgreSQL cleanly on SIGTERM', async () => {
    const hub = await startChild()
    epoch = hub.epoch
    expect(hub.output()).toContain('Only this computer can reach it')
    expect(hub.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    const paired = await call(hub.url, 'POST', '/v1/pair', {
      body: { pairingCode: hub.code, storeId: STORE, tillId: 'till-1', tillName: '1号机' }
    })
    expect(paired.body.ok).toBe(true)
    token = paired.body.value.token
    const granted = await tillOf(hub.url, 'till-1', STORE, token).post('/v1/claims', claim)
    expect(granted.body.value.outcome).toBe('granted')

    hub.child.kill('SIGTERM')
    expect(await hub.exited).toBe(0)
    expect(hub.output()).toContain('PostgreSQL stopped.')
    expect(existsSync(postmasterPid())).toBe(false)
  })

  it('reuses the database on a second start, and a SIGKILLed hub leaves nothing the next start cannot take over', async () => {
    const hub = await startChild()
    expect(hub.epoch).toBe(epoch)
    expect(hub.output()).not.toContain('Creating the hub database')
    const repeat = await tillOf(hub.url, 'till-1', STORE, token).post('/v1/claims', claim)
    expect(repeat.body.value).toMatchObject({ outcome: 'granted', repeat: true })

    hub.child.kill('SIGKILL')
    await hub.exited
    const orphan = Number(readFileSync(postmasterPid(), 'utf8').split('\n')[0])
    expect(alive(orphan)).toBe(true) // pg_ctl detached it: it outlives a killed hub

    const next = await startChild()
    expect(next.output()).toContain('Stopping a PostgreSQL left running by an earlier hub')
    expect(alive(orphan)).toBe(false)
    expect(next.epoch).toBe(epoch)
    const again = await tillOf(next.url, 'till-1', STORE, token).post('/v1/claims', claim)
    expect(again.body.value).toMatchObject({ outcome: 'granted', repeat: true })
    next.child.kill('SIGINT')
    expect(await next.exited).toBe(0)
    expect(existsSync(postmasterPid())).toBe(false)
  })

  it('stops PostgreSQL too when `npm run hub` gets SIGTERM (npm does not forward it; run-built watches its parent)', async () => {
    const npm = spawn('npm', ['run', 'hub', '--', '--data-dir', dataDir], {
      cwd: process.cwd(),
      env: { ...process.env, HEXIAO_NO_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    children.push(npm)
    let output = ''
    npm.stdout?.on('data', (c: Buffer) => (output += c.toString()))
    npm.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    const deadline = Date.now() + 60_000
    while (!output.includes('Pairing code:')) {
      if (npm.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm run hub did not start:\n${output}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(output).toContain(`epoch ${epoch}`)
    const postmaster = Number(readFileSync(postmasterPid(), 'utf8').split('\n')[0])
    npm.kill('SIGTERM')
    const stopped = Date.now() + 20_000
    while (alive(postmaster) || existsSync(postmasterPid())) {
      if (Date.now() > stopped) throw new Error(`PostgreSQL still running after npm got SIGTERM:\n${output}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  })
})
