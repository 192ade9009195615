/**
 * The CPU split of a chain bench (docs/performance.md § Chain hub): CPU seconds spent by the hub's Node process,
 * by PostgreSQL (the postmaster and all its backends) and by the load generator's worker processes, read from
 * /proc/<pid>/stat (utime + stime, in clock ticks) before and after a run. Linux only; elsewhere it reports null.
 *
 * PostgreSQL: the postmaster is found by its command line (`-D <pgdata>`); its own time, plus the time of the
 * children it has already reaped (cutime + cstime), plus each live child's own time. A backend that exits between
 * two samples moves from "live child" to "reaped", so the difference of two samples stays right.
 */
import { readFileSync, readdirSync } from 'node:fs'

/** USER_HZ: 100 on every Linux this project runs on (`getconf CLK_TCK`). */
const TICKS_PER_S = 100

interface Stat {
  ppid: number
  self: number
  reaped: number
}

function statOf(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // f[0] is field 3 (state): ppid 4, utime 14, stime 15, cutime 16, cstime 17.
    return {
      ppid: Number(f[1]),
      self: Number(f[11]) + Number(f[12]),
      reaped: Number(f[13]) + Number(f[14])
    }
  } catch {
    return null
  }
}

const pids = (): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)

/** The postmaster serving `pgData`, by its command line; null if none (or not Linux). */
export function postmasterOf(pgData: string): number | null {
  for (const pid of pids()) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      const d = argv.indexOf('-D')
      if (d >= 0 && argv[d + 1] === pgData && /postgres$/.test(argv[0] ?? '')) return pid
    } catch {
      /* gone, or not ours to read */
    }
  }
  return null
}

export interface CpuSample {
  at: number
  hub: number
  postgres: number
  workers: number
}

/** CPU seconds so far of this process (the hub runs in it), PostgreSQL and the given worker processes. */
export function sampleCpu(postmaster: number | null, workerPids: number[]): CpuSample | null {
  const me = statOf(process.pid)
  if (!me || postmaster === null) return null
  const pm = statOf(postmaster)
  if (!pm) return null
  let postgres = pm.self + pm.reaped
  for (const pid of pids()) {
    const s = statOf(pid)
    if (s && s.ppid === postmaster) postgres += s.self
  }
  const workers = workerPids.reduce((a, pid) => a + (statOf(pid)?.self ?? 0), 0)
  return {
    at: performance.now(),
    hub: me.self / TICKS_PER_S,
    postgres: postgres / TICKS_PER_S,
    workers: workers / TICKS_PER_S
  }
}

/** "hub 41 s (0.48 cores), PostgreSQL 60 s (0.70 cores), generator 30 s (0.35 cores)" between two samples. */
export function cpuSplit(from: CpuSample | null, to: CpuSample | null): string {
  if (!from || !to) return 'CPU split: not available (needs Linux /proc and the embedded PostgreSQL)'
  const wall = (to.at - from.at) / 1000
  const part = (name: string, s: number) => `${name} ${s.toFixed(1)} s (${(s / wall).toFixed(2)} cores)`
  const hub = to.hub - from.hub
  const pg = to.postgres - from.postgres
  const gen = to.workers - from.workers
  return `CPU over ${wall.toFixed(1)} s: ${part('hub (Node)', hub)}, ${part('PostgreSQL', pg)}, ${part('generator', gen)}; hub:PostgreSQL ${(hub / (hub + pg)).toFixed(2)}:${(pg / (hub + pg)).toFixed(2)}`
}
