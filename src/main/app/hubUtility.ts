/**
 * The packaged app's way to run the store hub (src/main/hubHost): Electron's utilityProcess.fork of the built hub
 * entry (out/main/hub.js beside this bundle). A plain child_process of process.execPath would need RunAsNode,
 * which the hardened fuses turn off. The hub talks to us over process.parentPort (src/hub/cli.ts), and Electron
 * ends a utility process with the app. Kept thin on purpose: the supervisor (restarts, stop order) is the Node
 * host's tested one.
 *
 * NOT TESTED HERE: there is no Electron binary in CI. What needs checking on a real build: the fork starts with
 * the hub's arguments; `kill()` delivers SIGTERM on Linux (on Windows it terminates: PostgreSQL then recovers
 * its WAL at the next start, docs/hub.md); the embedded PostgreSQL binaries unpacked from the asar.
 */
import { utilityProcess } from 'electron'
import type { HubChild, HubLauncher } from '../hubHost/supervisor'

export function utilityHubLauncher(entry: string, log: (line: string) => void): HubLauncher {
  return {
    launch(args: string[]): HubChild {
      const child = utilityProcess.fork(entry, args, { stdio: 'pipe', serviceName: 'Hexiao store hub' })
      const relay = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[hub] ${line}`)
      }
      child.stdout?.on('data', relay)
      child.stderr?.on('data', relay)
      return {
        get pid() {
          return child.pid
        },
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => void child.once('exit', (code) => listener(code, null)),
        // utilityProcess.kill() sends SIGTERM on POSIX; there is no SIGKILL of its own.
        kill: () => void child.kill()
      }
    }
  }
}
