/**
 * The store hub in a process of its own for bench/hub/tills.ts, so that its resident memory and CPU time are its
 * own (the tills run in the bench's process). Started with HEXIAO_HUB_BENCH={"dataDir","storeId"}: prints one JSON
 * line {url, port, epoch, pid, pgPid} once listening, then answers one JSON line per stdin command:
 * `pair` → {code}; `count` → {n} (claims held); `times` → the time the hub spent in each claim (the store's
 * claim: its SQL and commit) and in each token check since the last `times`; `commit N` → N bare durable one-row
 * commits on the hub's own PostgreSQL (the bare figure of a claim's commit); `stop` → stops the hub (and its PostgreSQL) and exits.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { startHub } from '../../src/hub/hub'

async function main(): Promise<void> {
  const config = JSON.parse(process.env['HEXIAO_HUB_BENCH'] ?? '{}') as { dataDir: string; storeId: string }
  const hub = await startHub({ dataDir: config.dataDir, storeId: config.storeId, log: () => undefined })
  // The postmaster's pid is the first line of its pid file; its backends are its children.
  const pgPid = Number(
    readFileSync(join(config.dataDir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[0]
  )
  // Time spent inside the store, per request: the claim (one statement and its durable commit) and the token check.
  const times = { claim: [] as number[], auth: [] as number[] }
  const timed = <K extends 'claim' | 'tillOfToken'>(name: K, into: number[]): void => {
    const inner = hub.store[name].bind(hub.store) as (...args: unknown[]) => Promise<unknown>
    ;(hub.store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const t0 = performance.now()
      try {
        return await inner(...args)
      } finally {
        into.push(performance.now() - t0)
      }
    }
  }
  timed('claim', times.claim)
  timed('tillOfToken', times.auth)
  const say = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`)
  say({ url: hub.url, port: hub.port, epoch: hub.epoch, pid: process.pid, pgPid })
  for await (const line of createInterface({ input: process.stdin })) {
    const command = line.trim()
    if (command === 'pair') say(await hub.store.newPairingCode())
    else if (command === 'count')
      say((await hub.store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM claims')).rows[0])
    else if (command === 'times') {
      say({ claim: times.claim.splice(0), auth: times.auth.splice(0) })
    } else if (command.startsWith('commit ')) {
      const client = await hub.store.pool.connect()
      await client.query('CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, v text)')
      const samples: number[] = []
      for (let i = 0; i < Number(command.slice(7)); i++) {
        const t0 = performance.now()
        await client.query('INSERT INTO bench_commit (v) VALUES ($1)', [String(i)])
        samples.push(performance.now() - t0)
      }
      await client.query('DROP TABLE bench_commit')
      client.release()
      say({ samples })
    } else if (command === 'stop') break
  }
  await hub.stop()
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
