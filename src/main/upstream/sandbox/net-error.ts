/**
 * What an in-process caller gets where an HTTP client would see a broken connection. The codes are the
 * Node errno names an HTTP client would report, so in-process and HTTP failures are classified alike.
 */
export type SandboxNetworkCode = 'ECONNRESET' | 'ECONNREFUSED' | 'ETIMEDOUT'

export class SandboxNetworkError extends Error {
  constructor(
    readonly code: SandboxNetworkCode,
    message: string
  ) {
    super(message)
    this.name = 'SandboxNetworkError'
  }
}
