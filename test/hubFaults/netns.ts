/**
 * The network-namespace variant: the hub runs in a namespace of its own, reached by the tills over a veth pair,
 * so a fault is the kernel's (a link taken down), not the harness proxy's. Needs root and `ip netns` (CI runs as
 * root); elsewhere the run is skipped with a message that says why (netnsSupport, tested in netns.test.ts).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { postmaster, type HubFacts } from './hubProcess'

export type Run = (
  cmd: string,
  args: string[]
) => Pick<SpawnSyncReturns<string>, 'status' | 'stderr' | 'error'>

const run: Run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' })

export interface NetnsEnv {
  platform: NodeJS.Platform
  uid: number | undefined
  run: Run
}

export const realEnv = (): NetnsEnv => ({ platform: process.platform, uid: process.getuid?.(), run })

export type Support = { ok: true } | { ok: false; message: string }

const SKIP = 'Store hub network-namespace run skipped:'

/** Whether this machine can make a namespace and a veth pair; if not, the message to print. */
export function netnsSupport(env: NetnsEnv = realEnv()): Support {
  if (env.platform !== 'linux')
    return { ok: false, message: `${SKIP} network namespaces are Linux only (this is ${env.platform}).` }
  if (env.uid !== 0)
    return {
      ok: false,
      message: `${SKIP} \`ip netns\` needs root (CI runs as root); this run is uid ${env.uid ?? 'unknown'}.`
    }
  const probe = `hxprobe${process.pid % 100_000}`
  const added = env.run('ip', ['netns', 'add', probe])
  if (added.error || added.status !== 0)
    return {
      ok: false,
      message: `${SKIP} \`ip netns\` is not available here (${added.error?.message ?? added.stderr.trim() ?? `exit ${added.status}`}).`
    }
  env.run('ip', ['netns', 'del', probe])
  return { ok: true }
}

export interface HubNamespace {
  name: string
  /** The hub's address inside the namespace; the tills' side of the veth is `tillHost`. */
  hubHost: string
  tillHost: string
  /** Takes the tills' end of the veth down (true) or up again (false): a pulled cable, as the kernel sees it. */
  unplug(down: boolean): void
  facts(hubDir: string): Promise<HubFacts>
  remove(): void
}

function must(args: string[]): void {
  const r = run('ip', args)
  if (r.error || r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.error?.message ?? r.stderr}`)
}

export function makeHubNamespace(): HubNamespace {
  const id = process.pid % 250
  const name = `hxhub${process.pid}`
  const outer = `hxo${process.pid}`.slice(0, 15)
  const inner = `hxi${process.pid}`.slice(0, 15)
  const [tillHost, hubHost] = [`10.231.${id}.1`, `10.231.${id}.2`]
  must(['netns', 'add', name])
  try {
    must(['link', 'add', outer, 'type', 'veth', 'peer', 'name', inner])
    must(['link', 'set', inner, 'netns', name])
    must(['addr', 'add', `${tillHost}/30`, 'dev', outer])
    must(['link', 'set', outer, 'up'])
    must(['netns', 'exec', name, 'ip', 'addr', 'add', `${hubHost}/30`, 'dev', inner])
    must(['netns', 'exec', name, 'ip', 'link', 'set', inner, 'up'])
    // PostgreSQL listens on the namespace's own loopback.
    must(['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up'])
  } catch (err) {
    run('ip', ['netns', 'del', name])
    run('ip', ['link', 'del', outer])
    throw err
  }
  return {
    name,
    hubHost,
    tillHost,
    unplug: (down) => must(['link', 'set', outer, down ? 'down' : 'up']),
    facts: (hubDir) => factsInside(name, hubDir),
    remove: () => {
      run('ip', ['netns', 'del', name])
      run('ip', ['link', 'del', outer])
    }
  }
}

/** The hub's PostgreSQL listens on the namespace's loopback: the read-only queries run in there. */
async function factsInside(ns: string, hubDir: string): Promise<HubFacts> {
  const pm = postmaster(hubDir)
  if (!pm) throw new Error(`the hub's PostgreSQL is not running in ${hubDir}`)
  const password = readFileSync(join(hubDir, 'postgres.password'), 'utf8').trim()
  const script = `
    import pg from 'pg'
    const c = new pg.Client({ host: '127.0.0.1', port: ${pm.port}, user: 'hub', database: 'postgres',
      password: process.env.HX_PW })
    await c.connect()
    const q = async (sql) => (await c.query(sql)).rows
    const out = {
      epoch: (await q('SELECT epoch FROM hub_meta'))[0].epoch,
      claims: await q('SELECT redemption_id, status, till_id, card_id, code FROM claims'),
      holds: await q('SELECT card_id, code, redemption_id FROM code_holds'),
      collisions: await q('SELECT redemption_id FROM collisions')
    }
    await c.end()
    process.stdout.write(JSON.stringify(out))`
  const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: process.cwd(),
    env: { ...process.env, HX_PW: password }
  })
  if (r.status !== 0) throw new Error(`reading the hub in ${ns} failed: ${r.stderr}`)
  const raw = JSON.parse(r.stdout) as {
    epoch: string
    claims: Array<{ redemption_id: string; status: string; till_id: string; card_id: string; code: string }>
    holds: Array<{ card_id: string; code: string; redemption_id: string }>
    collisions: Array<{ redemption_id: string }>
  }
  return {
    epoch: raw.epoch,
    claims: new Map(
      raw.claims.map((c) => [
        c.redemption_id,
        { status: c.status, till: c.till_id, cardId: c.card_id, code: c.code }
      ])
    ),
    holds: new Map(raw.holds.map((h) => [`${h.card_id}\u001f${h.code}`, h.redemption_id])),
    collisions: new Set(raw.collisions.map((c) => c.redemption_id))
  }
}
