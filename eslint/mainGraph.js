// The room-to-room import graph of src/main read from the files themselves (type imports included), and a cycle
// finder: the test in test/lint/boundaries.test.ts checks the real tree has no cycle, independently of the
// layer rule (which would also forbid one). Run by hand: node eslint/mainGraph.js
import fs from 'node:fs'
import path from 'node:path'
import { mainRoomOf } from './mainLayers.js'

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

/** { room: [rooms it imports] } for every .ts file under root. */
export function mainRoomGraph(root) {
  const graph = {}
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name)
      if (fs.statSync(file).isDirectory()) walk(file)
      else if (/\.tsx?$/.test(name)) {
        const from = mainRoomOf(path.resolve(file))
        graph[from] ??= []
        for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
          const to = mainRoomOf(path.resolve(path.dirname(file), m[1] ?? m[2]))
          if (to !== null && to !== from && !graph[from].includes(to)) graph[from].push(to)
        }
      }
    }
  }
  walk(root)
  return graph
}

/** The first cycle found, as [a, b, …, a], or null. */
export function findCycle(graph) {
  const state = new Map()
  const stack = []
  const visit = (node) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph[node] ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const found = visit(next)
        if (found) return found
      }
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of Object.keys(graph).sort()) {
    if (!state.has(node)) {
      const found = visit(node)
      if (found) return found
    }
  }
  return null
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = mainRoomGraph('src/main')
  for (const [room, targets] of Object.entries(graph).sort())
    console.log(`${room} → ${targets.sort().join(', ')}`)
  const cycle = findCycle(graph)
  console.log(cycle ? `cycle: ${cycle.join(' → ')}` : 'no cycle')
  process.exitCode = cycle ? 1 : 0
}
