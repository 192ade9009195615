/**
 * The store hub in a process of its own for bench/hub/tills.ts, so that its resident memory and CPU time are its
 * own (the tills run in the bench's process). Started with HEXIAO_HUB_BENCH={"dataDir","storeId"}: prints one JSON
 * line {url, port, epoch, pid, pgPid} once listening, then answers one JSON line per stdin command:
 * `pair` → {code}; `count` → {n} (claims held); `stop` → stops the hub (and its PostgreSQL) and exits.
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
  const say = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`)
  say({ url: hub.url, port: hub.port, epoch: hub.epoch, pid: process.pid, pgPid })
  for await (const line of createInterface({ input: process.stdin })) {
    const command = line.trim()
    if (command === 'pair') say(await hub.store.newPairingCode())
    else if (command === 'count')
      say((await hub.store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM claims')).rows[0])
    else if (command === 'stop') break
  }
  await hub.stop()
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
