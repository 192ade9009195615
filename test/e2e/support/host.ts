/**
 * Starts the BUILT Node host (out/main/host.js) as a child process on a fresh data
 * directory, the same way a developer runs `npm run host`, and reads its URL from stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface HostProcess {
  url: string
  origin: string
  token: string
  dataDir: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

export const BUILT_HOST = join(process.cwd(), 'out/main/host.js')

export async function startHostProcess(
  options: { dataDir?: string; args?: string[] } = {}
): Promise<HostProcess> {
  if (!existsSync(BUILT_HOST)) throw new Error(`${BUILT_HOST} is missing: run \`npm run build\` first.`)
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hexiao-e2e-'))
  const child = spawn(process.execPath, [BUILT_HOST, '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host did not print its URL in 20 s:\n${output}`)),
      20_000
    )
    const check = () => {
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir,
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
