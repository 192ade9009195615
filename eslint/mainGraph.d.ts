/** Types for mainGraph.js (plain JS so eslint.config.js and `node eslint/mainGraph.js` load it without a build). */
export type RoomGraph = Record<string, string[]>
export function mainRoomGraph(root: string): RoomGraph
export function findCycle(graph: RoomGraph): string[] | null
