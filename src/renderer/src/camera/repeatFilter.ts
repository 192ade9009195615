/**
 * A code held in front of the camera is decoded in frame after frame; report it once, and again only
 * after it has been out of sight for a while (the customer took the phone away and showed it again).
 */
export interface RepeatFilter {
  /** The codes seen in this frame that should be reported now. */
  accept(codes: readonly string[], now: number): string[]
}

export function createRepeatFilter(forgetAfterMs = 1500): RepeatFilter {
  const lastSeen = new Map<string, number>()
  return {
    accept(codes, now) {
      const fresh: string[] = []
      for (const code of new Set(codes)) {
        const seen = lastSeen.get(code)
        if (seen === undefined || now - seen > forgetAfterMs) fresh.push(code)
        lastSeen.set(code, now)
      }
      // Forget codes long gone so the map stays small over a whole shift.
      for (const [code, seen] of lastSeen) if (now - seen > forgetAfterMs) lastSeen.delete(code)
      return fresh
    }
  }
}
