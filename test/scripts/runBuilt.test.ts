/**
 * `npm run host` and `npm run sandbox` stop when the npm process gets SIGTERM (what a service manager or a
 * script sends): npm passes it to its `sh -c`, which dies without forwarding it, so scripts/run-built.mjs
 * watches its parent and stops the child. Runs the real npm scripts on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const started: ChildProcess[] = []
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** Every process whose command line contains the marker (Linux /proc). */
function processesWith(marker: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
        return cmd.includes(marker) ? [`${pid}: ${cmd}`] : []
      } catch {
        return []
      }
    })
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

async function startScript(
  script: string,
  args: string[],
  ready: RegExp
): Promise<{ npm: ChildProcess; port: number }> {
  // out/ is built once by `npm test` (or `npm run build`); rebuilding it here would empty it under other tests.
  const npm = spawn('npm', ['run', script, '--', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HEXIAO_NO_BUILD: '1' }
  })
  started.push(npm)
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run ${script} printed no address in 60 s:\n${out}`)),
      60_000
    )
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      const match = ready.exec(out)
      if (!match) return
      clearTimeout(timer)
      resolve(Number(match[1]))
    }
    npm.stdout?.on('data', read)
    npm.stderr?.on('data', read)
    npm.once('exit', (code) => reject(new Error(`npm run ${script} exited (${code}):\n${out}`)))
  })
  return { npm, port }
}

async function waitFor(condition: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return condition()
}

describe.runIf(process.platform === 'linux')('SIGTERM to the npm process stops the service', () => {
  it('npm run host: the URL stops answering and no host process remains within 3 s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-sigterm-host-'))
    const { npm, port } = await startScript(
      'host',
      ['--data-dir', dataDir],
      /Open: http:\/\/127\.0\.0\.1:(\d+)\//
    )
    expect(await answers(port)).toBe(true)
    expect(processesWith(dataDir).length).toBeGreaterThan(0)
    npm.kill('SIGTERM')
    const sent = Date.now()
    expect(
      await waitFor(async () => !(await answers(port)) && processesWith(dataDir).length === 0, 3_000)
    ).toBe(true)
    expect(Date.now() - sent).toBeLessThan(3_000)
    expect(processesWith(dataDir)).toEqual([])
  }, 120_000)

  it('npm run sandbox: the port stops answering and no sandbox process remains within 3 s', async () => {
    // A unique argument marks our processes: a seed time nobody else uses.
    const marker = `${Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1e6)}`
    const { npm, port } = await startScript(
      'sandbox',
      ['--seed-now', marker],
      /listening on http:\/\/127\.0\.0\.1:(\d+)/
    )
    expect(await answers(port)).toBe(true)
    npm.kill('SIGTERM')
    expect(
      await waitFor(async () => !(await answers(port)) && processesWith(marker).length === 0, 3_000)
    ).toBe(true)
  }, 120_000)
})
