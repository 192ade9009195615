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
    case 'DUPLICATE':
      return 'duplicate'
    case 'REDEEMED':
      return 'redeemed'
    case 'READY':
      return null
  }
}
