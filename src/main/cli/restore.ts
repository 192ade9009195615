// Node entry of `npm run restore` (built to out/main/restore.js); the command itself is src/main/backup/restoreCommand.ts.
import { runRestoreCli } from '../backup/restoreCommand'

process.exitCode = runRestoreCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: Date.now
})
