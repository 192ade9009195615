import type { ErrorCode } from './errors'

/** What every IPC handler returns: nothing throws across the process boundary. */
export interface AppError {
  /** Stable machine code (src/shared/errors.ts); the renderer maps it to words. */
  code: ErrorCode
  /** A clear sentence for logs and for the fallback display. */
  message: string
  /** Optional structured detail (never secrets). */
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details }
})

/** Thrown inside main-process services to end a handler with a specific code; the dispatcher turns it into a Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}
