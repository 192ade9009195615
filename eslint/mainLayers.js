// The main process's rooms in layers, arrows only downward (docs/architecture.md § Layers).
// A file in src/main/<room>/ may import a room of a LOWER layer, its own room, and src/shared; never a room of
// its own layer or above. Type-only imports count too: a type that must point upward is in the wrong room.
// Because no two rooms of one layer may import each other, the folders of src/main cannot form a cycle.
import path from 'node:path'

/** Bottom first. The entries (app, host, cli, index.ts) are the top; the composition root is under them. */
export const MAIN_LAYERS = [
  ['clock', 'db', 'security'], // time; adapters over SQLite and the web platform
  ['audit'], // the audit chain and who did it (Actor)
  ['upstream'], // WeChat, the token service, the training sandbox
  ['config'], // settings, paths, identity, mode, store profile, devices config
  ['staff', 'devices', 'printer', 'storeLink', 'chainLink'], // people and PINs; scanners; the receipt printer; the store hub link; the chain lane to HQ
  ['redeem', 'hubHost'], // the counter's decisions, ledger; the store hub this till may run (supervised child)
  ['sync'], // outbox worker, connectivity
  ['backup'],
  ['reports', 'setup', 'training'], // manager services
  ['ipc'], // the transport: contract dispatcher, handlers, sessions, events
  ['station'], // the composition root: builds everything, holds the running station
  ['app', 'host', 'cli'], // Electron glue, the Node host, command lines
  ['(entry)'] // src/main/index.ts: starts the Electron app
]

const layerOf = new Map(MAIN_LAYERS.flatMap((rooms, i) => rooms.map((r) => [r, i])))

/** The room of a path inside src/main, or null outside it. */
export function mainRoomOf(file) {
  const normal = file.split(path.sep).join('/')
  const at = normal.lastIndexOf('src/main/')
  if (at < 0) return null
  const rest = normal.slice(at + 'src/main/'.length).split('/')
  return rest.length === 1 && /^index(\.ts)?$/.test(rest[0]) ? '(entry)' : rest[0]
}

export const mainLayersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'src/main rooms import only rooms of a lower layer (docs/architecture.md)' },
    schema: []
  },
  create(context) {
    const file = context.filename
    const from = mainRoomOf(file)
    if (from === null) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = mainRoomOf(path.resolve(path.dirname(file), source))
      if (to === null || to === from) return
      const a = layerOf.get(from)
      const b = layerOf.get(to)
      if (a === undefined || b === undefined) {
        context.report({
          node,
          message: `src/main/${a === undefined ? from : to} is not in a layer: add it to MAIN_LAYERS (eslint/mainLayers.js) and docs/architecture.md.`
        })
        return
      }
      if (b >= a)
        context.report({
          node,
          message: `${from} (layer ${a}) must not import ${to} (layer ${b}): arrows point down only (docs/architecture.md § Layers).`
        })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value)
    }
  }
}

export default { rules: { 'main-layers': mainLayersRule } }
