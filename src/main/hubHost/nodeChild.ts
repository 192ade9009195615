/**
 * The Node host's way to run the hub: the built hub entry (out/main/hub.js) as a child process of this Node,
 * with an IPC channel. The hub tells us `started`/`failed` over it and stops itself when the channel closes, so
 * a station killed with SIGKILL leaves no hub (and no PostgreSQL) behind. Its output goes to our log, prefixed.
 */
import { spawn } from 'node:child_process'
import type { HubChild, HubLauncher } from './supervisor'

export function nodeChildLauncher(entry: string, log: (line: string) => void): HubLauncher {
  return {
    launch(args: string[]): HubChild {
      const child = spawn(process.execPath, [entry, ...args], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // A host started under Electron-as-Node must not pass that on; the hub is plain Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined }
      })
      const relay = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[hub] ${line}`)
      }
      child.stdout?.on('data', relay)
      child.stderr?.on('data', relay)
      // Node may or may not emit 'exit' after a launch that failed ('error' without a pid): report it once.
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited = false
      const exit = (code: number | null, signal: string | null) => {
        if (exited) return
        exited = true
        exitListener?.(code, signal)
      }
      child.once('exit', (code, signal) => exit(code, signal))
      child.on('error', (err) => {
        log(`[hub] ${err.message}`)
        if (child.pid === undefined) exit(null, null)
      })
      return {
        get pid() {
          return child.pid
        },
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => {
          exitListener = listener
        },
        kill: (signal) => void child.kill(signal)
      }
    }
  }
}
