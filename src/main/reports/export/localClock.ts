/**
 * Fast store-local timestamps for exports: 'yyyy-LL-dd HH:mm:ss' for hundreds of thousands of instants.
 * The zone's UTC offset is looked up (luxon) once per quarter hour — every real zone changes its offset only
 * on a quarter-hour boundary — and the text is then built with integer arithmetic.
 */
import { DateTime } from 'luxon'

const QUARTER_HOUR = 900_000
const two = (n: number) => (n < 10 ? `0${n}` : String(n))

export class LocalClock {
  private readonly offsets = new Map<number, number>()

  constructor(private readonly zone: string) {}

  private offsetMs(at: number): number {
    const key = Math.floor(at / QUARTER_HOUR)
    let offset = this.offsets.get(key)
    if (offset === undefined) {
      offset = DateTime.fromMillis(key * QUARTER_HOUR, { zone: this.zone }).offset * 60_000
      this.offsets.set(key, offset)
    }
    return offset
  }

  format(at: number): string {
    const d = new Date(at + this.offsetMs(at))
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  }
}
