/**
 * The store hub seen from the counter (issue 16's benchmarks, docs/performance.md § Store hub): real training
 * stations as tills (SQLite, in-process sandbox, the real redeem path and src/main/storeLink) in this process, the
 * real hub with its embedded PostgreSQL in a child process (its memory and CPU are its own), and between them a
 * TCP proxy adding a delay to every request (test/support/delayProxy.ts, 1 ms by default).
 *
 *   node bench/run.mjs bench/hub/tills.ts [--quick] [--tills 1,5,10] [--seconds 30] [--rate 2] [--delay 1]
 *     [--heartbeat 5000] [--lag 200] [--queue 1000] [--day 500] [--rss 300] [--out bench/results/hub-tills.json]
 *
 * Every figure stands beside a bare one of the same run: the hub-linked tills beside the same number of tills
 * without a hub link (today's local-only decision), at the same rate. Nothing passes or fails on time.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadavg, tmpdir, cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { bundleForNode } from '../../test/reliability/buildDriver'
import { startDelayProxy, type DelayProxy } from '../../test/support/delayProxy'
import { stats, type Stats, type Timing } from './till'

const STORE = 'bench-store'
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—')
const fmt = (s: Stats): string =>
  `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (n=${s.n})`

// ---------------------------------------------------------------------------------------------------------------
// The hub child and its processes (/proc: this bench runs on Linux)

interface HubProcess {
  url: string
  port: number
  epoch: string
  pid: number
  pgPid: number
  ask: (command: string) => Promise<unknown>
  stop: () => Promise<void>
}

async function startHubChild(file: string, dataDir: string): Promise<HubProcess> {
  const child: ChildProcess = spawn(process.execPath, [file], {
    env: { ...process.env, HEXIAO_HUB_BENCH: JSON.stringify({ dataDir, storeId: STORE }) },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const lines = createInterface({ input: child.stdout! })
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const next = (): Promise<unknown> =>
    new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => reject(new Error('the hub child did not answer')), 120_000)
      waiting.push((line) => {
        clearTimeout(timer)
        resolveLine(JSON.parse(line))
      })
    })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const hello = (await next()) as Omit<HubProcess, 'ask' | 'stop'>
  return {
    ...hello,
    ask: (command) => {
      const answer = next()
      child.stdin!.write(`${command}\n`)
      return answer
    },
    stop: async () => {
      child.stdin!.write('stop\n')
      await exited
    }
  }
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100

function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK
  } catch {
    return 0
  }
}

function kbOf(pid: number, file: 'status' | 'smaps_rollup', key: string): number {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

/** The postmaster and its backends (children). */
function pgPids(postmaster: number): number[] {
  const pids = [postmaster]
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

interface HubUsage {
  seconds: number
  /** Share of one core. */
  hubCpu: number
  pgCpu: number
  hubRssMb: number
  /** Sum of the PostgreSQL processes' proportional set size (shared buffers counted once). */
  pgPssMb: number
}

/** Hub CPU over the time `work` runs, and memory at its peak (sampled every 500 ms). */
async function usageDuring<T>(
  hub: HubProcess,
  work: () => Promise<T>
): Promise<{ usage: HubUsage; value: T }> {
  const pg0 = pgPids(hub.pgPid)
  const cpu = (): { hub: number; pg: number } => ({
    hub: cpuMsOf(hub.pid),
    pg: pgPids(hub.pgPid).reduce((sum, pid) => sum + cpuMsOf(pid), 0)
  })
  const before = cpu()
  const t0 = performance.now()
  let hubRss = 0
  let pgPss = 0
  const sample = (): void => {
    hubRss = Math.max(hubRss, kbOf(hub.pid, 'status', 'VmRSS'))
    pgPss = Math.max(
      pgPss,
      pgPids(hub.pgPid).reduce((sum, pid) => sum + kbOf(pid, 'smaps_rollup', 'Pss'), 0)
    )
  }
  const timer = setInterval(sample, 500)
  let value: T
  try {
    value = await work()
  } finally {
    clearInterval(timer)
  }
  sample()
  const after = cpu()
  const seconds = (performance.now() - t0) / 1000
  void pg0
  return {
    value,
    usage: {
      seconds,
      hubCpu: (after.hub - before.hub) / 1000 / seconds,
      pgCpu: (after.pg - before.pg) / 1000 / seconds,
      hubRssMb: hubRss / 1024,
      pgPssMb: pgPss / 1024
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

interface PhaseResult {
  tills: number
  linked: boolean
  redemptions: number
  unchecked: number
  lookup: Stats
  commit: Stats
  /** Look-up + commit: the scan to the redeemed screen, without the cashier's own pause. */
  total: Stats
  /** The store claim alone (inside the commit); linked tills only. */
  claim: Stats | null
  /** Inside the hub: its store's claim (SQL + durable commit) and the token check of each request. */
  hubClaim?: Stats
  hubAuth?: Stats
}

// ---------------------------------------------------------------------------------------------------------------
// Till processes (bench/hub/tillChild.ts): one linked and one local-only till each

interface TillProcess {
  name: string
  ask: <T = Record<string, unknown>>(command: Record<string, unknown>) => Promise<T>
  exited: Promise<void>
}

function startTillChild(file: string, name: string): TillProcess {
  const child = spawn(process.execPath, [file], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout })
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return {
    name,
    exited,
    ask: <T>(command: Record<string, unknown>) =>
      new Promise<T>((resolveAnswer, reject) => {
        waiting.push((line) => {
          const answer = JSON.parse(line) as T & { error?: string }
          if (answer.error) reject(new Error(`${name}: ${answer.error}`))
          else resolveAnswer(answer)
        })
        child.stdin.write(`${JSON.stringify(command)}\n`)
      })
  }
}

/** n tills each redeem fresh codes at `rate` a second for `seconds`, spread over the interval. */
async function paced(
  tills: TillProcess[],
  seconds: number,
  rate: number,
  linked: boolean
): Promise<PhaseResult> {
  const answers = await Promise.all(
    tills.map((till, i) =>
      till.ask<{ timings: Timing[]; claimMs: number[] }>({
        cmd: 'paced',
        linked,
        seconds,
        rate,
        startDelayMs: (i * 1000) / rate / tills.length
      })
    )
  )
  const timings = answers.flatMap((a) => a.timings)
  return {
    tills: tills.length,
    linked,
    redemptions: timings.length,
    unchecked: timings.filter((t) => t.unchecked).length,
    lookup: stats(timings.map((t) => t.lookupMs)),
    commit: stats(timings.map((t) => t.commitMs)),
    total: stats(timings.map((t) => t.lookupMs + t.commitMs)),
    claim: linked ? stats(answers.flatMap((a) => a.claimMs)) : null
  }
}

async function bareHttp(proxyDelay: number, samples: number): Promise<{ direct: Stats; proxied: Stats }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true,"value":{"outcome":"granted"}}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  const proxy = await startDelayProxy({ targetPort: port, upMs: proxyDelay })
  const body = JSON.stringify({ redemptionId: randomUUID(), code: '880000000000', pad: 'x'.repeat(180) })
  const time = async (url: string): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < samples + 20; i++) {
      const t0 = performance.now()
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      await res.text()
      if (i >= 20) out.push(performance.now() - t0)
    }
    return out
  }
  const direct = await time(`http://127.0.0.1:${port}/`)
  const proxied = await time(`${proxy.url}/`)
  await proxy.close()
  server.close()
  return { direct: stats(direct), proxied: stats(proxied) }
}

// ---------------------------------------------------------------------------------------------------------------

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      tills: { type: 'string' },
      seconds: { type: 'string' },
      rate: { type: 'string', default: '2' },
      delay: { type: 'string', default: '1' },
      heartbeat: { type: 'string' },
      lag: { type: 'string' },
      queue: { type: 'string' },
      day: { type: 'string' },
      rss: { type: 'string' },
      out: { type: 'string', default: 'bench/results/hub-tills.json' }
    }
  })
  const quick = values.quick
  const pick = (given: string | undefined, full: string, short: string): string =>
    given ?? (quick ? short : full)
  const tillCounts = pick(values.tills, '1,5,10', '1,3').split(',').map(Number)
  const seconds = Number(pick(values.seconds, '30', '3'))
  const rate = Number(values.rate)
  const delay = Number(values.delay)
  const lagSamples = Number(pick(values.lag, '200', '10'))
  const queued = Number(pick(values.queue, '1000', '20'))
  const perDay = Number(pick(values.day, '500', '50'))
  const rssRedemptions = Number(pick(values.rss, '300', '10'))
  const maxTills = Math.max(2, ...tillCounts)
  const claimDeadlineMs = 300
  // The till's feed heartbeat (src/main/storeLink/link.ts, 5 s by default); shorter in --quick to keep it short.
  const heartbeatMs = Number(pick(values.heartbeat, '5000', '500'))

  const load0 = loadavg()
  const startedAt = new Date().toISOString()
  console.log(
    `Store hub from the counter (${startedAt}, ${cpus().length} cores, load ${load0.map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}${quick ? ', QUICK' : ''})`
  )
  const root = mkdtempSync(join(tmpdir(), 'hexiao-hub-tills-'))
  chmodSync(root, 0o755) // PostgreSQL runs as hexiao-hub when this runs as root (test/hub/support.ts)
  const [hubBundle, stationBundle, tillBundle] = await Promise.all([
    bundleForNode(join(import.meta.dirname, 'hubChild.ts')),
    bundleForNode(join(import.meta.dirname, 'stationChild.ts')),
    bundleForNode(join(import.meta.dirname, 'tillChild.ts'))
  ])
  const hub = await startHubChild(hubBundle.file, join(root, 'hub1'))
  const proxy = await startDelayProxy({ targetPort: hub.port, upMs: delay })
  const tills: TillProcess[] = []
  const extra: { hub2?: HubProcess; proxy2?: DelayProxy } = {}
  const result: Record<string, unknown> = {
    startedAt,
    quick,
    machine: { cores: cpus().length, loadAtStart: load0, node: process.version },
    settings: {
      tillCounts,
      seconds,
      rate,
      proxyDelayMs: delay,
      claimDeadlineMs,
      heartbeatMs,
      lagSamples,
      queued,
      perDay,
      rssRedemptions
    }
  }
  try {
    // Bare figures: what one HTTP round trip costs with this client, directly and through the proxy.
    const bare = await bareHttp(delay, quick ? 100 : 500)
    result.bareHttp = bare
    console.log(`bare HTTP round trip, direct                   ${fmt(bare.direct)}`)
    console.log(`bare HTTP round trip, through the ${delay} ms proxy   ${fmt(bare.proxied)}`)
    const bareCommit = stats(((await hub.ask(`commit ${quick ? 50 : 300}`)) as { samples: number[] }).samples)
    result.barePgCommit = bareCommit
    console.log(`bare durable INSERT on the hub's PostgreSQL       ${fmt(bareCommit)}`)

    // Till processes: each pairs its linked till through the proxy; its local till has no hub link.
    for (let i = 1; i <= maxTills; i++) tills.push(startTillChild(tillBundle.file, `${i}号机`))
    for (const till of tills) {
      const { code } = (await hub.ask('pair')) as { code: string }
      await till.ask({
        cmd: 'open',
        name: till.name,
        hubUrl: proxy.url,
        pairingCode: code,
        storeId: STORE,
        claimDeadlineMs,
        heartbeatMs
      })
    }
    for (const till of tills) {
      const { ms: waited } = await till.ask<{ ms: number | null }>({ cmd: 'waitConnected', limitMs: 30_000 })
      if (waited === null) throw new Error(`${till.name} did not connect to the hub`)
    }

    // Hub at rest (bare figure for its CPU and memory).
    const idle = await usageDuring(hub, () => sleep(quick ? 1000 : 3000))
    result.hubIdle = idle.usage

    // 1. Claim latency: n linked tills, then the same n tills without a hub link, at the same rate.
    const phases: PhaseResult[] = []
    let hubPeak: HubUsage | null = null
    for (const n of tillCounts) {
      await hub.ask('times') // from here on
      const measured = await usageDuring(hub, () => paced(tills.slice(0, n), seconds, rate, true))
      const inHub = (await hub.ask('times')) as { claim: number[]; auth: number[] }
      measured.value.hubClaim = stats(inHub.claim)
      measured.value.hubAuth = stats(inHub.auth)
      if (n === Math.max(...tillCounts)) hubPeak = measured.usage
      const bareRun = await paced(tills.slice(0, n), seconds, rate, false)
      phases.push(measured.value, bareRun)
      const hubRun = measured.value
      console.log(
        `\n${n} till${n > 1 ? 's' : ''} at ${rate}/s each (${hubRun.redemptions} linked, ${bareRun.redemptions} local)`
      )
      console.log(`  scan → decision, local only     ${fmt(bareRun.lookup)}`)
      console.log(`  scan → decision, hub linked     ${fmt(hubRun.lookup)}`)
      console.log(`  commit, local only              ${fmt(bareRun.commit)}`)
      console.log(`  commit, hub linked              ${fmt(hubRun.commit)}  (${hubRun.unchecked} unchecked)`)
      console.log(`  store claim inside the commit   ${fmt(hubRun.claim!)}`)
      console.log(`    in the hub: claim SQL+commit  ${fmt(hubRun.hubClaim!)}`)
      console.log(`    in the hub: token check       ${fmt(hubRun.hubAuth!)}`)
      console.log(`  scan → redeemed, local only     ${fmt(bareRun.total)}`)
      console.log(`  scan → redeemed, hub linked     ${fmt(hubRun.total)}`)
      console.log(
        `  ratio linked / local: scan → redeemed p50 ${(hubRun.total.p50 / bareRun.total.p50).toFixed(2)}×, p99 ${(hubRun.total.p99 / bareRun.total.p99).toFixed(2)}×`
      )
      console.log(
        `  hub CPU ${(measured.usage.hubCpu * 100).toFixed(0)} % + PostgreSQL ${(measured.usage.pgCpu * 100).toFixed(0)} % of a core; ` +
          `RSS ${measured.usage.hubRssMb.toFixed(0)} MB + PostgreSQL PSS ${measured.usage.pgPssMb.toFixed(0)} MB`
      )
    }
    result.phases = phases
    result.hubPeak = hubPeak
    console.log(
      `\nhub at rest: CPU ${(idle.usage.hubCpu * 100).toFixed(1)} % + PostgreSQL ${(idle.usage.pgCpu * 100).toFixed(1)} %; ` +
        `RSS ${idle.usage.hubRssMb.toFixed(0)} MB + PostgreSQL PSS ${idle.usage.pgPssMb.toFixed(0)} MB`
    )

    // 2a. Visibility lag: till A's commit returns → the claim is in till B's mirror (B polls every 1 ms).
    const [a, b] = [tills[0]!, tills[1]!]
    const lags: number[] = []
    const fromGrant: number[] = []
    let missing = 0
    for (let i = 0; i < lagSamples; i++) {
      const t0 = performance.now()
      const code = `77${String(process.pid).padStart(7, '0')}${String(i).padStart(5, '0')}`
      const watching = b.ask<{ seenAt: number | null }>({ cmd: 'watch', code, limitMs: 5000 })
      const { committedAt, grantedAt } = await a.ask<{ committedAt: number; grantedAt: number }>({
        cmd: 'redeemCode',
        code
      })
      const { seenAt } = await watching
      if (seenAt === null) missing++
      else {
        // Zero when B's mirror had it before A's commit returned (A's ledger write follows the hub's grant).
        lags.push(Math.max(0, seenAt - committedAt))
        // From the moment A held the hub's granted answer: the feed and the answer leave the hub together.
        fromGrant.push(seenAt - grantedAt)
      }
      await sleep(Math.max(0, 100 - (performance.now() - t0)))
    }
    const lag = stats(lags)
    result.visibility = {
      lag,
      zero: lags.filter((l) => l === 0).length,
      fromGrant: stats(fromGrant),
      missing
    }
    console.log(
      `\nvisibility lag, A committed → in B's mirror        ${fmt(lag)}; ${lags.filter((l) => l === 0).length} there before A's commit returned, ${missing} never`
    )
    console.log(
      `visibility lag, A holds the grant → in B's mirror ${fmt(stats(fromGrant))} (negative: B first)`
    )

    // 2b. A silent hub loss (the proxy holds every byte): idle, then a cashier redeems.
    proxy.setMode('blackhole')
    const idleWait = 2 * heartbeatMs + 2000
    const i0 = performance.now()
    let idleDetect: number | null = null
    while (performance.now() - i0 < idleWait) {
      if ((await a.ask<{ status: string }>({ cmd: 'state' })).status === 'degraded') {
        idleDetect = performance.now() - i0
        break
      }
      await sleep(50)
    }
    const { timings: lossCommits } = await a.ask<{ timings: Timing[] }>({
      cmd: 'redeem',
      linked: true,
      count: quick ? 3 : 10
    })
    const stateInLoss = await a.ask<{ status: string }>({ cmd: 'state' })
    proxy.setMode('pass')
    const h0 = performance.now()
    for (const till of tills) await till.ask({ cmd: 'waitConnected', limitMs: 60_000 })
    const healed = performance.now() - h0
    result.silentLoss = {
      idleWaitMs: idleWait,
      detectedWhileIdleMs: idleDetect,
      commitDuringLoss: stats(lossCommits.map((t) => t.commitMs)),
      scanToRedeemedDuringLoss: stats(lossCommits.map((t) => t.lookupMs + t.commitMs)),
      unchecked: lossCommits.filter((t) => t.unchecked).length,
      stateAfterScans: stateInLoss.status,
      backToConnectedMs: healed
    }
    console.log(
      `silent hub loss: idle ${idleDetect === null ? `not noticed in ${idleWait / 1000} s` : `noticed after ${ms(idleDetect)} ms`} (heartbeat ${heartbeatMs} ms); ` +
        `a scan during it: commit ${fmt(stats(lossCommits.map((t) => t.commitMs)))}, ${lossCommits.filter((t) => t.unchecked).length}/${lossCommits.length} unchecked, state ${stateInLoss.status}; ` +
        `all tills connected, queues empty ${ms(healed)} ms after the hub came back`
    )

    // 2c. Reconciling queued claims: the hub's port closed while till A redeems `queued` coupons, then back.
    proxy.setMode('refuse')
    const { timings: refused } = await a.ask<{ timings: Timing[] }>({
      cmd: 'redeem',
      linked: true,
      count: queued
    })
    const { waiting } = await a.ask<{ waiting: number }>({ cmd: 'state' })
    proxy.setMode('pass')
    const reconcile = await a.ask<{ queued: number; ms: number; left: number; collisions: number }>({
      cmd: 'reconcile',
      limitMs: 600_000
    })
    result.reconcile = {
      ...reconcile,
      // What waited while the port was closed (the till's own retry may start a moment before `reconcile`).
      queued: waiting,
      unchecked: refused.filter((t) => t.unchecked).length,
      commitWhileRefused: stats(refused.map((t) => t.commitMs)),
      perSecond: waiting / (reconcile.ms / 1000)
    }
    console.log(
      `reconcile ${waiting} queued claims (claim + completion each): ${ms(reconcile.ms)} ms, ${(waiting / (reconcile.ms / 1000)).toFixed(0)} claims/s, ${reconcile.left} left, ${reconcile.collisions} collisions; ` +
        `commit while the port was closed ${fmt(stats(refused.map((t) => t.commitMs)))}`
    )

    // 3b. Station memory with and without a hub link: one station per process, the same redemptions.
    const { code: rssCode } = (await hub.ask('pair')) as { code: string }
    const runStation = (
      hubConfig?: { url: string; pairingCode: string; storeId: string },
      loadFetch = false
    ): Promise<Record<string, number | string>> =>
      new Promise((resolveRun, reject) => {
        const proc = spawn(process.execPath, ['--expose-gc', stationBundle.file], {
          env: {
            ...process.env,
            HEXIAO_STATION_BENCH: JSON.stringify({
              redemptions: rssRedemptions,
              pacedMs: 50,
              loadFetch: loadFetch ? `${proxy.url}/v1/health` : undefined,
              ...(hubConfig ? { hub: hubConfig } : {})
            })
          },
          stdio: ['ignore', 'pipe', 'inherit']
        })
        let out = ''
        proc.stdout.on('data', (c: Buffer) => (out += c.toString()))
        proc.on('close', (code) => {
          try {
            resolveRun(JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, number | string>)
          } catch {
            reject(new Error(`station child failed (${code}): ${out}`))
          }
        })
      })
    // A training station makes no HTTP request of its own (its sandbox is in-process); a live one's WeChat
    // client uses the same fetch as the hub link. The third station loads fetch once, as a live one has.
    const [withLink, without, withFetch] = await Promise.all([
      runStation({ url: proxy.url, pairingCode: rssCode, storeId: STORE }),
      runStation(),
      runStation(undefined, true)
    ])
    const mb = (x: number | string | undefined): string => (Number(x) / 2 ** 20).toFixed(1)
    result.stationMemory = {
      withLink,
      without,
      withoutButFetchLoaded: withFetch,
      ratio: Number(withLink.rss) / Number(without.rss),
      ratioToFetchLoaded: Number(withLink.rss) / Number(withFetch.rss)
    }
    console.log(
      `station RSS after ${rssRedemptions} redemptions and a GC: with a hub link ${mb(withLink.rss)} MB, without ${mb(without.rss)} MB ` +
        `(${(Number(withLink.rss) / Number(without.rss)).toFixed(3)}×), without but fetch loaded ${mb(withFetch.rss)} MB ` +
        `(${(Number(withLink.rss) / Number(withFetch.rss)).toFixed(3)}×); heap ${mb(withLink.heapUsed)} / ${mb(without.heapUsed)} / ${mb(withFetch.heapUsed)} MB`
    )

    // 2d. Hub rebuild: a new hub (new epoch, empty); every linked till holds one day of claims and a manager
    // pairs the tills again one after the other (each needs a code shown at the hub), which republishes them
    // (src/main/storeLink/link.ts republish).
    let offered = 0
    for (const till of tills)
      offered = (await till.ask<{ offered: number }>({ cmd: 'fillDay', count: perDay })).offered + offered
    const hub2 = (extra.hub2 = await startHubChild(hubBundle.file, join(root, 'hub2')))
    const proxy2 = (extra.proxy2 = await startDelayProxy({ targetPort: hub2.port, upMs: delay }))
    const codes: string[] = []
    for (const _ of tills) codes.push(((await hub2.ask('pair')) as { code: string }).code)
    const rebuild = await usageDuring(hub2, async () => {
      const t0 = performance.now()
      const perTill: { ms: number; republished: number; failed: string | null }[] = []
      for (const [i, till] of tills.entries())
        perTill.push(
          await till.ask({ cmd: 'pair', hubUrl: proxy2.url, pairingCode: codes[i], storeId: STORE })
        )
      return { wallMs: performance.now() - t0, perTill }
    })
    const republished = rebuild.value.perTill.reduce((sum, t) => sum + t.republished, 0)
    const failed = rebuild.value.perTill.filter((t) => t.failed !== null)
    const held = ((await hub2.ask('count')) as { n: number }).n
    result.rebuild = {
      tills: tills.length,
      dayPerTill: perDay,
      offered,
      republished,
      heldAtNewHub: held,
      failedTills: failed.length,
      failures: [...new Set(failed.map((t) => t.failed))],
      wallMs: rebuild.value.wallMs,
      perTillMs: stats(rebuild.value.perTill.map((t) => t.ms)),
      claimsPerSecond: held / (rebuild.value.wallMs / 1000),
      hub: rebuild.usage
    }
    console.log(
      `hub rebuild: ${tills.length} tills × ${perDay} claims of a day (+ this run's), paired again one after the other: ` +
        `${held} of ${offered} held at the new hub after ${ms(rebuild.value.wallMs)} ms (${(held / (rebuild.value.wallMs / 1000)).toFixed(0)} claims/s); ` +
        `per till ${fmt(stats(rebuild.value.perTill.map((t) => t.ms)))}; ${failed.length} tills failed${failed.length ? `: ${failed[0]!.failed}` : ''}`
    )
  } finally {
    result.loadAtEnd = loadavg()
    await Promise.all(tills.map((till) => till.ask({ cmd: 'close' }).catch(() => undefined)))
    await Promise.all(tills.map((till) => till.exited))
    await proxy.close()
    await extra.proxy2?.close()
    await extra.hub2?.stop()
    await hub.stop()
    for (const bundle of [hubBundle, stationBundle, tillBundle]) bundle.cleanup()
    rmSync(root, { recursive: true, force: true })
  }
  const out = resolve(values.out)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
  console.log(
    `\nload at end ${(result.loadAtEnd as number[]).map((l) => l.toFixed(1)).join(' ')}; wrote ${out}`
  )
}
