/** Damages a SQLite file the way a failing disk does: one b-tree page in the middle, not the header. */
import { readFileSync, writeFileSync } from 'node:fs'

export function scribble(file: string): void {
  const bytes = readFileSync(file)
  bytes.fill(0xa5, 4096 * 3, 4096 * 3 + 2048)
  writeFileSync(file, bytes)
}
