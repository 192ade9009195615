/**
 * What must hold after every fault, once the hub is back and the tills settled (the invariants):
 * 1. no (card, code) accepted at two tills, except the duplicates injected on purpose in degraded mode;
 * 2. every accepted redemption is known to the hub (a claim, or a collision with the holder's claim), and its
 *    code is held there; every code the hub holds is accepted at some till (never a stuck code);
 * 3. cross-till conflicts reported by the tills == duplicates injected in degraded mode (one per injected pair);
 * 4. PRAGMA integrity_check is ok on every till, and nothing waits to be sent.
 * Each is a list of problems (empty = holds), so a failure names every broken promise at once.
 */
import { PLAIN_CODE_CARD_ID } from '../../src/shared/hub/protocol'
import type { HubFacts } from './hubProcess'
import { tillFacts, type Till, type TillFacts } from './tillProcess'

export const keyOf = (cardId: string | null, code: string): string => `${cardId ?? '?'}\u001f${code}`

export interface Injected {
  /** codes accepted on purpose at two tills while they could not reach the hub */
  codes: Set<string>
}

export interface InvariantReport {
  problems: string[]
  accepted: number
  conflicts: number
  hub: HubFacts
  tills: TillFacts[]
}

export async function checkInvariants(
  rig: { tills: Till[]; hubFacts(): Promise<HubFacts> },
  injected: Injected
): Promise<InvariantReport> {
  const problems: string[] = []
  const tills = rig.tills
  const facts = tills.map((t) => tillFacts(t))
  const hub = await rig.hubFacts()

  facts.forEach((f, i) => {
    if (f.integrity !== 'ok') problems.push(`${tills[i]!.name}: integrity_check ${f.integrity}`)
    if (f.pending !== 0) problems.push(`${tills[i]!.name}: ${f.pending} store claims still waiting`)
  })

  // 1. Accepted at two tills only where we injected it.
  const byKey = new Map<string, Array<{ till: string; id: string }>>()
  facts.forEach((f, i) => {
    for (const r of f.accepted) {
      const key = keyOf(r.cardId, r.code)
      byKey.set(key, [...(byKey.get(key) ?? []), { till: tills[i]!.name, id: r.id }])
    }
  })
  for (const [key, at] of byKey) {
    const code = key.split('\u001f')[1]!
    if (at.length > 1 && !injected.codes.has(code))
      problems.push(
        `code ${code} accepted ${at.length} times (${at.map((a) => a.till).join(', ')}) with the hub up`
      )
    if (at.length > 2) problems.push(`code ${code} accepted ${at.length} times`)
  }

  // 2. Known to the hub, held there; every hold backed by a till's ledger.
  const acceptedIds = new Set<string>()
  for (const [key, at] of byKey) {
    // A plain code is held under the card-independent key (docs/hub.md § Claims), a custom code under its card.
    const plainKey = keyOf(PLAIN_CODE_CARD_ID, key.split('\u001f')[1]!)
    if (!hub.holds.has(key) && !hub.holds.has(plainKey))
      problems.push(`code ${key.replace('\u001f', '/')} accepted but not held at the hub`)
    for (const { till, id } of at) {
      acceptedIds.add(id)
      const claim = hub.claims.get(id)
      const known =
        (claim && (claim.status === 'completed' || claim.status === 'held')) || hub.collisions.has(id)
      if (!known)
        problems.push(`${till}: redemption ${id} unknown to the hub (claim ${claim?.status ?? 'none'})`)
    }
  }
  for (const [key, id] of hub.holds)
    if (!acceptedIds.has(id))
      problems.push(`the hub holds ${key.replace('\u001f', '/')} for ${id}, accepted at no till`)

  // 3. Conflicts reported == duplicates injected.
  const reported = (await Promise.all(tills.map((t) => t.conflicts()))).flat()
  if (reported.length !== injected.codes.size)
    problems.push(
      `conflicts reported ${reported.length} (${reported.map((c) => c.code).join(', ')}) != injected ${injected.codes.size} (${[...injected.codes].join(', ')})`
    )
  for (const c of reported)
    if (!injected.codes.has(c.code)) problems.push(`a conflict for ${c.code}, which was not injected`)
  return { problems, accepted: acceptedIds.size, conflicts: reported.length, hub, tills: facts }
}
