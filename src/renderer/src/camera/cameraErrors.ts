/** getUserMedia failures, reduced to what the cashier can act on. */
export type CameraProblem = 'unsupported' | 'noCamera' | 'denied' | 'inUse' | 'failed'

export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied'
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'noCamera'
    case 'NotReadableError':
    case 'AbortError':
      return 'inUse'
    default:
      return 'failed'
  }
}
