import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** A connected pseudo-terminal pair from socat: bytes written to one link arrive on the other. */
export interface SocatPair {
  scannerSide: string
  hostSide: string
  /** Kills socat (it removes both links on SIGTERM) and resolves when it has exited. */
  stop(): Promise<void>
}

/** Polls until the condition holds; fails with a message after the deadline instead of hanging. */
export async function pollUntil(what: string, condition: () => boolean, deadlineMs = 5_000): Promise<void> {
  const deadline = Date.now() + deadlineMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function startSocatPair(dir: string): Promise<SocatPair> {
  const scannerSide = join(dir, 'ttyA')
  const hostSide = join(dir, 'ttyB')
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${scannerSide}`, `pty,raw,echo=0,link=${hostSide}`],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let failed: Error | undefined
  child.once('error', (error) => (failed = error))
  await pollUntil(
    `socat links in ${dir} (${log.trim() || 'no output'})`,
    () => failed !== undefined || child.exitCode !== null || (existsSync(scannerSide) && existsSync(hostSide))
  )
  if ((failed as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error(
      'socat is not installed: the serial tests need it for pseudo-terminal pairs (apt-get install socat).'
    )
  if (failed !== undefined || child.exitCode !== null)
    throw new Error(`socat did not start: ${failed?.message ?? log}`)
  return {
    scannerSide,
    hostSide,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    }
  }
}
