/** Which sound a decision plays. NEEDS_AMOUNT and CHOOSE get the soft prompt: the cashier has a step to do. */
import type { Cue } from '../sound/cues'
import type { Display } from './counterState'

export function cueOf(display: Display): Cue | null {
  switch (display) {
    case 'OK':
      return 'ok'
    case 'NEEDS_AMOUNT':
    case 'CHOOSE':
      return 'prompt'
    case 'WARN':
    case 'WARN_PIN':
      return 'warn'
    case 'DENY':
    case 'REJECTED':
    case 'FAILED':
      return 'deny'
    // SYNC_CONFLICT: WeChat says the code was used elsewhere or not ours to redeem; money may be lost, the same alarm.
    case 'DUPLICATE':
    case 'SYNC_CONFLICT':
      return 'duplicate'
    case 'REDEEMED':
      return 'redeemed'
    case 'READY':
      return null
  }
}
