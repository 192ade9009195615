// Entry of the bundled bench (see run.mjs).
import { main } from './bench'

await main(process.argv.slice(2))
