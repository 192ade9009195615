/**
 * The till's link to the store hub (docs/hub.md § For the station side): pairing, claims with an intent log,
 * the queue of what must still reach the hub, crash recovery, the mirror fed by the hub's WebSocket feed with
 * catch-up by sequence, and republish after a new epoch. The redeem path sees only the narrow StoreClaims
 * interface of src/main/redeem/deps.ts (claim, committed, abandoned, holderOf), which this class fits.
 */
import WebSocket from 'ws'
import { z } from 'zod'
import type { TRANSITION_TARGETS } from '../../shared/hub/protocol'
import {
  HUB_PATHS,
  HUB_STORE_HEADER,
  PLAIN_CODE_CARD_ID,
  batchResponseSchema,
  claimResponseSchema,
  feedFrameSchema,
  pairResponseSchema,
  republishResponseSchema,
  storePolicySchema,
  transitionResponseSchema,
  type BatchItem,
  type BatchResult,
  type ClaimEvent,
  type ClaimHolder,
  type ClaimRequest,
  type RepublishItem,
  type StorePolicy
} from '../../shared/hub/protocol'
import type { CouponClaim } from '../../shared/redeem'
import { AppFailure } from '../../shared/result'
import type { StoreLinkOverview, StorePolicyView } from '../../shared/ipc/contracts/storeLink'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { HubClient, type HubAuth } from './client'

export interface LinkConfig {
  hubUrl: string
  storeId: string
  tillId: string
  tillName: string
  epoch: string
  lastSeq: number
  pairedAt: number
}

export interface TokenStore {
  get(): string | null
  set(token: string): void
}

export interface StoreLinkOptions {
  db: Db
  now: () => number
  token: TokenStore
  /** This till as the hub should name it (the station's id and name). */
  identity: () => { tillId: string; tillName: string }
  /** Whether the ledger holds this redemption (crash recovery: complete it, else release it). */
  isCommitted: (redemptionId: string) => boolean
  /** How long a claim may take before the till decides in degraded mode (docs/hub.md § Claims). */
  claimDeadlineMs?: number
  /** Deadline of background requests (queued claims, transitions, pairing, republish). */
  requestDeadlineMs?: number
  /** How far back a republish after a new epoch reaches. */
  republishDays?: number
  /** Pause between retries of the queue and reconnects of the feed. */
  retryMs?: number
  /**
   * The feed is pinged this often; a ping not answered by the next one drops it (degraded), so an idle till
   * notices a silent hub loss (a pulled cable: no FIN, no reset) within two periods.
   */
  heartbeatMs?: number
  onState?: (state: StoreLinkState) => void
  log?: (line: string) => void
}

export type StoreLinkStatus = 'not_paired' | 'connected' | 'degraded'
export interface StoreLinkState {
  status: StoreLinkStatus
  /** Claims and transitions that have not reached the hub yet. */
  waiting: number
  /** The hub answered with another epoch: it lost its data; pair again (then the till republishes). */
  repairNeeded: boolean
}

/** Another till's live claim of a coupon, as the counter shows it. */
export interface StoreHolder {
  tillName: string
  cashierName: string
  at: number
}

/** What the counter claims (src/shared/redeem.ts); a plain code is claimed under PLAIN_CODE_CARD_ID. */
export type StoreClaimInput = CouponClaim

export type StoreClaimOutcome =
  | { kind: 'granted' }
  | { kind: 'duplicate'; holder: StoreHolder }
  /** The hub did not answer in time (or refused the till): decided in degraded mode; the claim is queued. */
  | { kind: 'unchecked' }
  /** The hub did not answer and the amount is above the store's limit for unchecked redemptions: refused. */
  | { kind: 'over_limit'; limitFen: number }

/** A queued claim that met another till's claim when it finally reached the hub: a cross-till conflict. */
export interface StoreCollision {
  redemptionId: string
  cardId: string
  code: string
  at: number
  cashierName: string
  amountFen: number
  holder: ClaimHolder
}

interface ClaimRow {
  redemption_id: string
  card_id: string
  code: string
  cashier_id: string
  cashier_name: string
  amount_fen: number
  at: number
  state: 'intent' | 'granted' | 'duplicate' | 'committed' | 'released' | 'voided' | 'collision'
  checked: number
  pending: 'claim' | 'complete' | 'release' | 'void' | null
  holder_json: string | null
  key_card_id: string | null
}

/**
 * Republish batches: smaller than the protocol's maximum (REPUBLISH_BATCH_MAX), each with a deadline of its own
 * that allows for one durable hub commit per item. With 500 items and the plain 5 s deadline, every till's
 * republish failed on a loaded machine (docs/performance.md § Store hub, hub rebuild).
 */
/** Setting: `{epoch}` of the hub this till still owes a republish, or null (docs/hub.md § Epoch and republish). */
const REPUBLISH_OWED = 'storeLink.republishOwed'
const republishOwedSchema = z.strictObject({ epoch: z.string().min(1) }).nullable()
const REPUBLISH_BATCH = 100
const REPUBLISH_MS_PER_ITEM = 100
/** Rows per batch of the queue (at most two items each: the claim and its next step; protocol max 500 items). */
const FLUSH_BATCH = 200
/** The batch is one hub transaction: no fsync per item, only its SQL. */
const FLUSH_MS_PER_ITEM = 20

type TransitionTarget = (typeof TRANSITION_TARGETS)[number]
/** After a granted queued claim: what the row's state still asks of the hub (the same rule as send()). */
const STEP_AFTER_CLAIM: Record<ClaimRow['state'], TransitionTarget | null> = {
  committed: 'completed',
  released: 'released',
  voided: 'voided',
  intent: null,
  granted: null,
  duplicate: null,
  collision: null
}
const STEP_TO: Record<Exclude<NonNullable<ClaimRow['pending']>, 'claim'>, TransitionTarget> = {
  complete: 'completed',
  release: 'released',
  void: 'voided'
}
const PENDING_OF: Record<TransitionTarget, NonNullable<ClaimRow['pending']>> = {
  completed: 'complete',
  released: 'release',
  voided: 'void'
}
/** A transition answered, or refused in a way that means there is nothing left to do (as in send()). */
const transitionDone = (result: BatchResult): boolean =>
  result.outcome === 'transition' ||
  (result.outcome === 'refused' &&
    ['CLAIM_UNKNOWN', 'INVALID_TRANSITION', 'CLAIM_CLOSED', 'NOT_HOLDER'].includes(result.error.code))

export class StoreLink {
  private readonly claimDeadlineMs: number
  private readonly requestDeadlineMs: number
  private readonly retryMs: number
  private readonly heartbeatMs: number
  private socket: WebSocket | null = null
  private feedOpen = false
  /** The last claim missed its deadline (or a background request failed): degraded until the hub answers. */
  private hubSilent = false
  private repairNeeded = false
  private stopped = true
  private timer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null
  private lastState = ''
  /** Claims the counter is waiting for, or holds granted until the ledger's commit: the queue leaves them alone. */
  private readonly claiming = new Set<string>()
  /** Granted by the hub, not yet committed by the ledger (see claim()). */
  private readonly granted = new Set<string>()
  /** The republish in flight (pair() and the retry timer share it). */
  private republishing: Promise<number> | null = null
  /** The hub answered NOT_FOUND to the batch path (an older hub): the queue goes one step at a time. */
  private noBatch = false

  constructor(private readonly o: StoreLinkOptions) {
    this.claimDeadlineMs = o.claimDeadlineMs ?? 300
    this.requestDeadlineMs = o.requestDeadlineMs ?? 5000
    this.retryMs = o.retryMs ?? 2000
    this.heartbeatMs = o.heartbeatMs ?? 5000
  }

  config(): LinkConfig | null {
    const row = this.o.db
      .prepare(
        `SELECT hub_url AS hubUrl, store_id AS storeId, till_id AS tillId, till_name AS tillName, epoch,
                last_seq AS lastSeq, paired_at AS pairedAt FROM store_link WHERE id = 1`
      )
      .get() as LinkConfig | undefined
    return row ?? null
  }

  state(): StoreLinkState {
    const waiting = (
      this.o.db.prepare('SELECT count(*) AS n FROM store_claims WHERE pending IS NOT NULL').get() as {
        n: number
      }
    ).n
    const paired = this.config() !== null && this.o.token.get() !== null
    const status: StoreLinkStatus = !paired
      ? 'not_paired'
      : this.feedOpen && !this.hubSilent && !this.repairNeeded
        ? 'connected'
        : 'degraded'
    return { status, waiting, repairNeeded: this.repairNeeded }
  }

  /**
   * Joins the hub at `hubUrl` with the code shown there. A hub with another epoch than the one this till knew
   * lost its data: the mirror restarts from 0 and this till's recent claims are republished.
   */
  /** The state and the hub this till is paired with, for the header and set-up (never the token). */
  overview(): StoreLinkOverview {
    const config = this.config()
    return {
      ...this.state(),
      hubUrl: config?.hubUrl ?? null,
      storeId: config?.storeId ?? null,
      pairedAt: config?.pairedAt ?? null,
      policy: config ? this.policy() : null
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // The store's policy for degraded mode (docs/hub.md § Store policy)

  /**
   * This till's copy of the store's policy (the hub pushes it in the feed's hello and on every change). Read
   * from SQLite, because degraded mode is exactly when the hub cannot be asked. Never heard: no limit.
   */
  policy(): StorePolicyView {
    const row = this.o.db
      .prepare(
        `SELECT unverified_limit_fen AS unverifiedLimitFen, version, set_at AS setAt,
                set_by_till_name AS setByTillName, set_by_name AS setByName, received_at AS receivedAt
         FROM store_policy WHERE id = 1`
      )
      .get() as StorePolicyView | undefined
    return (
      row ?? {
        unverifiedLimitFen: null,
        version: 0,
        setAt: null,
        setByTillName: null,
        setByName: null,
        receivedAt: null
      }
    )
  }

  /**
   * A manager sets the store's limit through the hub (every till gets it from there); audited here as
   * 'storeLink.policySet'. Needs the hub: a policy set while it is silent would be this till's alone.
   */
  async setPolicy(
    unverifiedLimitFen: number | null,
    baseVersion: number,
    by: Actor
  ): Promise<StorePolicyView> {
    const link = this.link()
    if (!link) throw new AppFailure('STORE_NOT_PAIRED', 'This till is not paired with a store hub.')
    const before = this.policy()
    const answer = await link.client.call('POST', HUB_PATHS.policy, storePolicySchema, {
      auth: link.auth,
      body: {
        till: link.config.tillId,
        unverifiedLimitFen,
        by: { id: by.staffId, name: by.name },
        baseVersion,
        at: this.o.now()
      },
      deadlineMs: this.requestDeadlineMs
    })
    if (answer.kind === 'unreachable')
      throw new AppFailure('STORE_HUB_UNREACHABLE', `The store hub did not answer: ${answer.reason}`)
    if (answer.kind === 'refused') {
      if (answer.error.code === 'POLICY_STALE') {
        // Someone else changed it: fetch theirs so the manager sees what stands now.
        await this.refreshPolicy(link)
        throw new AppFailure('STORE_POLICY_STALE', answer.error.message)
      }
      throw new AppFailure('STORE_HUB_REFUSED', answer.error.message, { hubCode: answer.error.code })
    }
    this.noteAnswer(answer.epoch)
    this.keepPolicy(answer.value)
    if (answer.value.version !== before.version)
      appendAudit(this.o.db, {
        at: this.o.now(),
        actorId: by.staffId,
        actorName: by.name,
        action: 'storeLink.policySet',
        subject: link.config.storeId,
        detail: {
          unverifiedLimitFen,
          beforeLimitFen: before.unverifiedLimitFen,
          version: answer.value.version
        }
      })
    this.announce()
    return this.policy()
  }

  private async refreshPolicy(link: Link): Promise<void> {
    const answer = await link.client.call('GET', HUB_PATHS.policy, storePolicySchema, {
      auth: link.auth,
      deadlineMs: this.requestDeadlineMs
    })
    if (answer.kind === 'ok') this.keepPolicy(answer.value)
  }

  /** Keeps the newest policy only: a frame and an answer may arrive in either order. */
  private keepPolicy(policy: StorePolicy): void {
    const changed = this.o.db
      .prepare(
        `INSERT INTO store_policy (id, unverified_limit_fen, version, set_at, set_by_till_name, set_by_name,
           received_at)
         VALUES (1, @unverifiedLimitFen, @version, @setAt, @setByTillName, @setByName, @now)
         ON CONFLICT (id) DO UPDATE SET unverified_limit_fen = @unverifiedLimitFen, version = @version,
           set_at = @setAt, set_by_till_name = @setByTillName, set_by_name = @setByName, received_at = @now
         WHERE @version > store_policy.version`
      )
      .run({ ...policy, now: this.o.now() }).changes
    if (changed > 0) {
      this.lastState = ''
      this.announce()
    }
  }

  async pair(
    hubUrl: string,
    pairingCode: string,
    storeId: string,
    by?: Actor
  ): Promise<{ republished: number }> {
    const { tillId, tillName } = this.o.identity()
    const client = new HubClient(hubUrl)
    const answer = await client.call('POST', HUB_PATHS.pair, pairResponseSchema, {
      body: { pairingCode: pairingCode.trim(), storeId, tillId, tillName },
      deadlineMs: this.requestDeadlineMs
    })
    if (answer.kind === 'unreachable')
      throw new AppFailure(
        'STORE_HUB_UNREACHABLE',
        `The store hub at ${hubUrl} did not answer: ${answer.reason}`
      )
    if (answer.kind === 'refused')
      throw new AppFailure('STORE_PAIRING_REFUSED', answer.error.message, { hubCode: answer.error.code })
    const before = this.config()
    const newEpoch = before !== null && before.epoch !== answer.epoch
    // Owed before the new epoch is stored: a crash in between leaves no new hub without this till's claims.
    if (newEpoch) writeSetting(this.o.db, REPUBLISH_OWED, { epoch: answer.epoch }, this.o.now())
    this.o.token.set(answer.value.token)
    this.o.db
      .prepare(
        `INSERT INTO store_link (id, hub_url, store_id, till_id, till_name, epoch, last_seq, paired_at)
         VALUES (1, @hubUrl, @storeId, @tillId, @tillName, @epoch, 0, @at)
         ON CONFLICT (id) DO UPDATE SET hub_url = @hubUrl, store_id = @storeId, till_id = @tillId,
           till_name = @tillName, epoch = @epoch, paired_at = @at,
           last_seq = CASE WHEN store_link.epoch = @epoch THEN store_link.last_seq ELSE 0 END`
      )
      .run({
        hubUrl,
        storeId: answer.value.storeId,
        tillId: answer.value.tillId,
        tillName,
        epoch: answer.epoch,
        at: this.o.now()
      })
    // The old hub's claims are not the new hub's: the feed refills the mirror from sequence 0.
    // Its policy too: the new hub's (pushed in the hello) is the store's from now on.
    if (newEpoch) this.o.db.exec('DELETE FROM store_mirror; DELETE FROM store_policy')
    if (by)
      appendAudit(this.o.db, {
        at: this.o.now(),
        actorId: by.staffId,
        actorName: by.name,
        action: 'storeLink.paired',
        subject: answer.value.tillId,
        detail: { hubUrl, storeId: answer.value.storeId, epoch: answer.epoch, newEpoch }
      })
    this.repairNeeded = false
    this.hubSilent = false
    // Also when pairing again with a hub whose republish failed half way (same epoch, still owed).
    const republished = await this.republishOwed()
    if (!this.stopped) this.reconnect()
    this.announce()
    return { republished }
  }

  /**
   * Forgets the hub (a manager made this a single till again): the feed closes, the link row and the mirror go.
   * The intent log stays (it is this till's own history); nothing queued is sent without a hub. The old token
   * stays in the secret store but is useless without the link; the next pairing replaces it.
   */
  unpair(): void {
    this.closeSocket()
    this.o.db.transaction(() => {
      this.o.db.prepare('DELETE FROM store_link').run()
      this.o.db.prepare('DELETE FROM store_mirror').run()
    })()
    this.repairNeeded = false
    this.hubSilent = false
    this.announce()
  }

  start(): void {
    this.stopped = false
    this.recover()
    this.reconnect()
    this.schedule()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.closeSocket()
    await this.flushing
  }

  // -------------------------------------------------------------------------------------------------------------
  // Claims (the StoreClaims interface of src/main/redeem/deps.ts)

  /** null when the till is not paired: the redeem path then works as a single till. */
  async claim(input: StoreClaimInput): Promise<StoreClaimOutcome | null> {
    const link = this.link()
    if (!link) return null
    // The intent first: whatever happens next (crash, timeout), the till knows it may hold this code.
    this.o.db
      .prepare(
        `INSERT INTO store_claims (redemption_id, card_id, key_card_id, code, cashier_id, cashier_name, amount_fen,
           at, state, checked, pending, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'intent', 0, 'claim', ?)
         ON CONFLICT (redemption_id) DO NOTHING`
      )
      .run(
        input.redemptionId,
        input.cardId,
        input.plainCode ? PLAIN_CODE_CARD_ID : input.cardId,
        input.code,
        input.cashier.id,
        input.cashier.name,
        input.amountFen,
        input.at,
        this.o.now()
      )
    this.claiming.add(input.redemptionId)
    const answer = await link.client.call('POST', HUB_PATHS.claims, claimResponseSchema, {
      auth: link.auth,
      body: this.claimRequest(link.config, this.row(input.redemptionId)!),
      deadlineMs: this.claimDeadlineMs
    })
    if (answer.kind !== 'ok') {
      this.claiming.delete(input.redemptionId)
      this.noteFailure(answer)
      const limit = this.policy().unverifiedLimitFen
      if (limit !== null && input.amountFen > limit) {
        // The store does not accept this much unchecked (docs/hub.md § Store policy): nothing is committed, and
        // the claim is released in case the hub did get it.
        this.setState(input.redemptionId, "state = 'released', pending = 'release'")
        appendAudit(this.o.db, {
          at: this.o.now(),
          actorId: input.cashier.id,
          actorName: input.cashier.name,
          action: 'storeLink.uncheckedRefused',
          subject: input.redemptionId,
          detail: { code: input.code, amountFen: input.amountFen, limitFen: limit }
        })
        this.announce()
        return { kind: 'over_limit', limitFen: limit }
      }
      this.announce()
      return { kind: 'unchecked' }
    }
    this.noteAnswer(answer.epoch)
    if (answer.value.outcome === 'granted') {
      // Kept in memory, not written: the ledger's commit writes "committed" (and checked) in its own transaction,
      // one durable write on the cashier's wait instead of two. A crash before it leaves the intent, which start()
      // releases (the ledger cannot hold the redemption without that row saying so). Until then the row stays
      // "claiming", so the queue does not send its claim again.
      this.granted.add(input.redemptionId)
      return { kind: 'granted' }
    }
    this.claiming.delete(input.redemptionId)
    const holder = answer.value.holder
    this.o.db
      .prepare(
        `UPDATE store_claims SET state = 'duplicate', checked = 1, pending = NULL, holder_json = ?, updated_at = ?
         WHERE redemption_id = ?`
      )
      .run(JSON.stringify(holder), this.o.now(), input.redemptionId)
    // The feed will bring the holder's claim too; put it in the mirror now so a re-scan says DUPLICATE at once.
    this.mirrorHolder(input, holder)
    this.announce()
    return { kind: 'duplicate', holder: holderView(holder) }
  }

  /** The ledger committed the redemption: tell the hub (complete), or keep the queued claim. */
  committed(redemptionId: string): void {
    const granted = this.settle(redemptionId)
    const row = this.row(redemptionId)
    if (!row) return
    if (row.state === 'granted' || (row.state === 'intent' && granted))
      this.setState(redemptionId, "state = 'committed', checked = 1, pending = 'complete'")
    else if (row.state === 'intent') this.setState(redemptionId, "state = 'committed', pending = 'claim'")
    this.kick()
  }

  /** The ledger did not commit it (a local refusal or an error): free the code at the hub. */
  abandoned(redemptionId: string): void {
    this.settle(redemptionId)
    const row = this.row(redemptionId)
    if (!row || (row.state !== 'granted' && row.state !== 'intent')) return
    this.setState(redemptionId, "state = 'released', pending = 'release'")
    this.kick()
  }

  /**
   * A manager voided the redemption (it never reached WeChat): free the code at the hub, or the other tills
   * would call the next honest scan of it a duplicate. A claim still queued is voided once it arrives.
   */
  voided(redemptionId: string): void {
    const row = this.row(redemptionId)
    if (!row || (row.state !== 'committed' && row.state !== 'collision')) return
    this.setState(
      redemptionId,
      row.pending === 'claim' ? "state = 'voided'" : "state = 'voided', pending = 'void'"
    )
    this.kick()
  }

  /** Another till's live claim of this coupon in the mirror (plain code: the code; custom: card and code). */
  holderOf(code: string, customCardId: string | null): StoreHolder | null {
    const link = this.config()
    if (!link) return null
    const row = this.o.db
      .prepare(
        `SELECT till_name AS tillName, cashier_name AS cashierName, till_at AS at FROM store_mirror
         WHERE live = 1 AND code = ? AND (? IS NULL OR card_id = ?) AND till <> ?
         ORDER BY hub_at LIMIT 1`
      )
      .get(code, customCardId, customCardId, link.tillId) as StoreHolder | undefined
    return row ?? null
  }

  /**
   * "Not checked with the store": decided without the hub's answer (degraded mode) and not yet confirmed by it —
   * its claim still waits, or it met another till's claim (a cross-till conflict). `checked` itself stays 0 for
   * the record once the queued claim was granted.
   */
  unchecked(redemptionId: string): boolean {
    const row = this.row(redemptionId)
    return (
      row !== null &&
      row.checked === 0 &&
      (row.state === 'collision' || (row.state !== 'released' && row.pending === 'claim'))
    )
  }

  collisions(): StoreCollision[] {
    const rows = this.o.db
      .prepare(`SELECT * FROM store_claims WHERE state = 'collision' ORDER BY at`)
      .all() as ClaimRow[]
    return rows.map((r) => ({
      redemptionId: r.redemption_id,
      cardId: r.card_id,
      code: r.code,
      at: r.at,
      cashierName: r.cashier_name,
      amountFen: r.amount_fen,
      holder: JSON.parse(r.holder_json ?? 'null') as ClaimHolder
    }))
  }

  /** Sends what waits (queued claims, completions, releases), oldest first; stops at the first silence. */
  flush(): Promise<void> {
    if (this.stopped && this.flushing === null) return Promise.resolve()
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  // -------------------------------------------------------------------------------------------------------------

  private async flushOnce(): Promise<void> {
    const link = this.link()
    if (!link) return
    // The whole queue in batches: one request and one hub transaction each (docs/hub.md § Batch). A hub that does
    // not know the batch path (an older version) gets the steps one at a time, as before.
    if (!this.noBatch) {
      const done = await this.flushBatches(link)
      if (done !== 'unsupported') {
        this.announce()
        return
      }
      this.noBatch = true
    }
    const rows = this.o.db
      .prepare('SELECT * FROM store_claims WHERE pending IS NOT NULL ORDER BY at, redemption_id')
      .all() as ClaimRow[]
    for (const listed of rows) {
      // A claim the counter is waiting for right now is the redeem path's; the queue leaves it alone.
      if (this.claiming.has(listed.redemption_id)) continue
      // Read again: the rows before it took time on the wire, and meanwhile the counter may have settled this one
      // (e.g. DUPLICATE: nothing committed). Sending the stale step could claim a code this till gave up, once its
      // holder let it go — held at the hub for a redemption no till has (test/storeLink/tills.test.ts).
      const row = this.row(listed.redemption_id)
      if (!row || row.pending === null) continue
      if (!(await this.send(link, row))) break
    }
    this.announce()
  }

  /**
   * Sends the queue oldest first in batches of FLUSH_BATCH rows until it is empty or the hub is silent. A row
   * waiting for its claim goes as a claim, followed in the same batch by the step its state asks for next (a
   * committed one: completed), so a queued redemption costs one item pair in one request instead of two requests.
   */
  private async flushBatches(link: Link): Promise<'done' | 'silent' | 'unsupported'> {
    const tried = new Set<string>()
    for (;;) {
      const rows = (
        this.o.db
          .prepare('SELECT * FROM store_claims WHERE pending IS NOT NULL ORDER BY at, redemption_id')
          .all() as ClaimRow[]
      )
        // The counter's own claim is the redeem path's; a row refused in this drain waits for the next one.
        .filter((r) => !this.claiming.has(r.redemption_id) && !tried.has(r.redemption_id))
        .slice(0, FLUSH_BATCH)
      if (rows.length === 0) return 'done'
      const at = this.o.now()
      const items: BatchItem[] = []
      const sent: {
        row: ClaimRow
        claim: number | null
        step: number | null
        to: TransitionTarget | null
      }[] = []
      for (const row of rows) {
        tried.add(row.redemption_id)
        const to = row.pending === 'claim' ? STEP_AFTER_CLAIM[row.state] : STEP_TO[row.pending!]
        const claim =
          row.pending === 'claim'
            ? items.push({ op: 'claim', ...this.claimRequest(link.config, row) }) - 1
            : null
        const step =
          to === null
            ? null
            : items.push({
                op: 'transition',
                redemptionId: row.redemption_id,
                till: link.config.tillId,
                to,
                at
              }) - 1
        sent.push({ row, claim, step, to })
      }
      const answer = await link.client.call('POST', HUB_PATHS.batch, batchResponseSchema, {
        auth: link.auth,
        body: { items },
        // One hub transaction, one durable commit: the deadline allows for the SQL of each item on a slow disk.
        deadlineMs: this.requestDeadlineMs + items.length * FLUSH_MS_PER_ITEM
      })
      if (answer.kind === 'refused' && ['NOT_FOUND', 'METHOD_NOT_ALLOWED'].includes(answer.error.code))
        return 'unsupported'
      if (answer.kind !== 'ok') {
        this.noteFailure(answer)
        return 'silent'
      }
      this.noteAnswer(answer.epoch)
      const results = answer.value.results
      if (results.length !== items.length) {
        this.noteFailure({ kind: 'unreachable', reason: 'the batch answer does not match the request' })
        return 'silent'
      }
      this.o.db.transaction(() => {
        for (const s of sent)
          this.settleBatched(
            s.row,
            s.claim === null ? null : results[s.claim]!,
            s.to,
            s.step === null ? null : results[s.step]!
          )
      })()
    }
  }

  /** What one row's items answered; only what was sent is cleared (the redeem path may have moved on meanwhile). */
  private settleBatched(
    row: ClaimRow,
    claim: BatchResult | null,
    to: TransitionTarget | null,
    step: BatchResult | null
  ): void {
    const stepDone = step !== null && transitionDone(step)
    if (claim === null) {
      if (stepDone)
        this.o.db
          .prepare(
            'UPDATE store_claims SET pending = NULL, updated_at = ? WHERE redemption_id = ? AND pending = ?'
          )
          .run(this.o.now(), row.redemption_id, row.pending)
      return
    }
    if (claim.outcome === 'duplicate') {
      // As in send(): a cross-till conflict if this till committed it; never merged.
      this.o.db
        .prepare(
          `UPDATE store_claims SET state = CASE WHEN state = 'committed' THEN 'collision' ELSE state END,
             pending = NULL, holder_json = ?, updated_at = ? WHERE redemption_id = ?`
        )
        .run(JSON.stringify(claim.holder), this.o.now(), row.redemption_id)
      return
    }
    if (claim.outcome !== 'granted') {
      if (claim.outcome === 'refused') this.o.log?.(`store hub refused a queued claim: ${claim.error.code}`)
      return // stays queued, as a refused single claim did
    }
    // Granted: the next step follows the row's state NOW; it is done if it is the one that went with the claim.
    const now = this.row(row.redemption_id) ?? row
    const next = STEP_AFTER_CLAIM[now.state]
    const pending = next === null || (next === to && stepDone) ? null : PENDING_OF[next]
    this.o.db
      .prepare(
        `UPDATE store_claims SET pending = ?, updated_at = ? WHERE redemption_id = ? AND pending = 'claim'`
      )
      .run(pending, this.o.now(), row.redemption_id)
  }

  /** One pending step of one row; false when the hub did not answer (try again later). */
  private async send(link: Link, row: ClaimRow): Promise<boolean> {
    if (row.pending === 'claim') {
      const answer = await link.client.call('POST', HUB_PATHS.claims, claimResponseSchema, {
        auth: link.auth,
        body: this.claimRequest(link.config, row),
        deadlineMs: this.requestDeadlineMs
      })
      if (answer.kind !== 'ok') return this.noteFailure(answer)
      this.noteAnswer(answer.epoch)
      if (answer.value.outcome === 'duplicate') {
        // Decided in degraded mode and committed, but another till holds the code: a cross-till conflict for
        // the manager, with both stories. Never merged: the holder keeps the claim.
        this.o.db
          .prepare(
            `UPDATE store_claims SET state = CASE WHEN state = 'committed' THEN 'collision' ELSE state END,
               pending = NULL, holder_json = ?, updated_at = ? WHERE redemption_id = ?`
          )
          .run(JSON.stringify(answer.value.holder), this.o.now(), row.redemption_id)
        return true
      }
      // Read again: the redeem path may have committed or abandoned it while the claim was on the wire.
      const now = this.row(row.redemption_id) ?? row
      const next =
        now.state === 'committed'
          ? 'complete'
          : now.state === 'released'
            ? 'release'
            : now.state === 'voided'
              ? 'void'
              : null
      this.o.db
        .prepare(
          `UPDATE store_claims SET pending = ?, updated_at = ? WHERE redemption_id = ? AND pending = 'claim'`
        )
        .run(next, this.o.now(), row.redemption_id)
      return next === null ? true : this.send(link, { ...row, pending: next })
    }
    const to = row.pending === 'complete' ? 'completed' : row.pending === 'void' ? 'voided' : 'released'
    const answer = await link.client.call('POST', HUB_PATHS.transition, transitionResponseSchema, {
      auth: link.auth,
      body: { redemptionId: row.redemption_id, till: link.config.tillId, to, at: this.o.now() },
      deadlineMs: this.requestDeadlineMs
    })
    if (answer.kind === 'unreachable') return this.noteFailure(answer)
    // A release of a claim that never reached the hub (CLAIM_UNKNOWN) or an already closed one is done too.
    if (
      answer.kind === 'refused' &&
      !['CLAIM_UNKNOWN', 'INVALID_TRANSITION', 'CLAIM_CLOSED', 'NOT_HOLDER'].includes(answer.error.code)
    )
      return this.noteFailure(answer)
    if (answer.kind === 'ok') this.noteAnswer(answer.epoch)
    // Only what was sent is done: a void asked while a completion was on the wire stays pending.
    this.o.db
      .prepare(
        'UPDATE store_claims SET pending = NULL, updated_at = ? WHERE redemption_id = ? AND pending = ?'
      )
      .run(this.o.now(), row.redemption_id, row.pending)
    return true
  }

  /** Crash between intent and commit: complete what the ledger holds, release the rest (docs/hub.md § 3). */
  private recover(): void {
    const open = this.o.db
      .prepare(`SELECT redemption_id FROM store_claims WHERE state IN ('intent', 'granted')`)
      .all() as { redemption_id: string }[]
    for (const { redemption_id: id } of open) {
      if (this.o.isCommitted(id)) this.committed(id)
      else this.abandoned(id)
    }
  }

  /**
   * The republish this till owes the hub of its current epoch, if any (docs/hub.md § Epoch and republish). The debt
   * is cleared only once every batch went through; until then pair() and the retry timer try again (the hub
   * answers a batch sent twice with `present`, so the part that went through costs nothing more).
   */
  private republishOwed(): Promise<number> {
    const owed = republishOwedSchema.safeParse(readSetting(this.o.db, REPUBLISH_OWED))
    const epoch = owed.success ? owed.data?.epoch : undefined
    if (epoch === undefined || this.config()?.epoch !== epoch || this.repairNeeded) return Promise.resolve(0)
    this.republishing ??= this.republish()
      .then((sent) => {
        const still = republishOwedSchema.safeParse(readSetting(this.o.db, REPUBLISH_OWED))
        if (still.success && still.data?.epoch === epoch && this.config()?.epoch === epoch)
          writeSetting(this.o.db, REPUBLISH_OWED, null, this.o.now())
        return sent
      })
      .finally(() => {
        this.republishing = null
      })
    return this.republishing
  }

  private async republish(): Promise<number> {
    const link = this.link()
    if (!link) return 0
    const since = this.o.now() - (this.o.republishDays ?? 7) * 86_400_000
    const rows = this.o.db
      .prepare(
        `SELECT * FROM store_claims WHERE at >= ? AND state IN ('granted', 'committed') ORDER BY at, redemption_id`
      )
      .all(since) as ClaimRow[]
    let sent = 0
    for (let i = 0; i < rows.length; i += REPUBLISH_BATCH) {
      const batch = rows.slice(i, i + REPUBLISH_BATCH)
      const claims: RepublishItem[] = batch.map((r) => ({
        ...this.claimRequest(link.config, r),
        status: r.state === 'committed' ? 'completed' : 'held'
      }))
      const answer = await link.client.call('POST', HUB_PATHS.republish, republishResponseSchema, {
        auth: link.auth,
        body: { claims },
        // The hub writes each item in its own durable transaction: the deadline grows with the batch.
        deadlineMs: this.requestDeadlineMs + batch.length * REPUBLISH_MS_PER_ITEM
      })
      if (answer.kind !== 'ok')
        throw new AppFailure('STORE_HUB_UNREACHABLE', 'The store hub did not take the republished claims.')
      const mark = this.o.db.prepare(
        `UPDATE store_claims SET state = CASE WHEN state = 'committed' THEN 'collision' ELSE state END,
           holder_json = ?, pending = NULL, updated_at = ? WHERE redemption_id = ?`
      )
      const done = this.o.db.prepare(
        `UPDATE store_claims SET pending = CASE WHEN pending = 'claim' THEN NULL ELSE pending END
         WHERE redemption_id = ?`
      )
      for (const result of answer.value.results) {
        if (result.outcome === 'collision')
          mark.run(JSON.stringify(result.holder), this.o.now(), result.redemptionId)
        else if (result.outcome !== 'refused') done.run(result.redemptionId)
      }
      sent += batch.length
    }
    return sent
  }

  private claimRequest(config: LinkConfig, row: ClaimRow): ClaimRequest {
    return {
      redemptionId: row.redemption_id,
      cardId: row.key_card_id ?? row.card_id,
      code: row.code,
      till: config.tillId,
      cashier: { id: row.cashier_id, name: row.cashier_name },
      amountFen: row.amount_fen,
      at: row.at
    }
  }

  private mirrorHolder(input: StoreClaimInput, holder: ClaimHolder): void {
    this.o.db
      .prepare(
        `INSERT INTO store_mirror (redemption_id, card_id, code, till, till_name, cashier_id, cashier_name,
           amount_fen, till_at, hub_at, live, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1, 0) ON CONFLICT (redemption_id) DO NOTHING`
      )
      .run(
        holder.redemptionId,
        input.plainCode ? PLAIN_CODE_CARD_ID : input.cardId,
        input.code,
        holder.till,
        holder.tillName,
        holder.cashier.id,
        holder.cashier.name,
        holder.tillAt,
        holder.hubAt
      )
  }

  // -------------------------------------------------------------------------------------------------------------
  // The feed: a WebSocket from the last applied sequence; every reconnect catches up from there.

  private reconnect(): void {
    this.closeSocket()
    const link = this.link()
    if (!link || this.stopped) return
    const url = new URL(`${HUB_PATHS.feed}?after=${link.config.lastSeq}`, link.config.hubUrl)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${link.auth.token}`, [HUB_STORE_HEADER]: link.auth.storeId },
      handshakeTimeout: this.requestDeadlineMs
    })
    this.socket = socket
    socket.on('message', (data) => {
      const frame = feedFrameSchema.safeParse(safeJson(String(data)))
      if (!frame.success) return
      if (frame.data.type === 'hello') {
        this.feedOpen = true
        this.noteAnswer(frame.data.epoch)
        if (frame.data.policy && !this.repairNeeded) this.keepPolicy(frame.data.policy)
        this.announce()
        this.kick()
      } else if (frame.data.type === 'policy') this.keepPolicy(frame.data.policy)
      else this.apply(frame.data.events)
    })
    socket.on('error', () => undefined)
    // The hub pings too, but only it would notice; the till must see the silence itself (docs/hub.md § Feed).
    let answered = true
    socket.on('pong', () => (answered = true))
    const heartbeat = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return
      if (!answered) return void socket.terminate()
      answered = false
      socket.ping()
    }, this.heartbeatMs)
    heartbeat.unref()
    socket.on('close', () => {
      clearInterval(heartbeat)
      if (this.socket !== socket) return
      this.socket = null
      this.feedOpen = false
      this.announce()
      if (!this.stopped)
        setTimeout(() => {
          if (!this.stopped && this.socket === null) this.reconnect()
        }, this.retryMs).unref()
    })
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    this.feedOpen = false
    if (socket) {
      socket.removeAllListeners('message')
      socket.terminate()
    }
  }

  /** Applies events in order and stores the last sequence in the same transaction. */
  private apply(events: ClaimEvent[]): void {
    if (events.length === 0) return
    const upsert = this.o.db.prepare(
      `INSERT INTO store_mirror (redemption_id, card_id, code, till, till_name, cashier_id, cashier_name,
         amount_fen, till_at, hub_at, live, seq, status)
       VALUES (@redemptionId, @cardId, @code, @till, @tillName, @cashierId, @cashierName, @amountFen, @tillAt,
         @hubAt, @live, @seq, @status)
       ON CONFLICT (redemption_id) DO UPDATE SET live = @live, seq = @seq, till_name = @tillName,
         status = @status, amount_fen = @amountFen, cashier_id = @cashierId, cashier_name = @cashierName`
    )
    const cursor = this.o.db.prepare('UPDATE store_link SET last_seq = max(last_seq, ?) WHERE id = 1')
    this.o.db.transaction(() => {
      for (const e of events) {
        const live = e.kind === 'claimed' || e.kind === 'completed' ? 1 : 0
        upsert.run({
          ...e,
          status: e.kind === 'claimed' ? 'held' : e.kind,
          cashierId: e.cashier.id,
          cashierName: e.cashier.name,
          live,
          // The first event of a claim carries its claim time; later ones keep it.
          tillAt: e.tillAt
        })
        cursor.run(e.seq)
      }
    })()
  }

  // -------------------------------------------------------------------------------------------------------------

  private link(): Link | null {
    // The secret store is touched only once paired (an unpaired till never reads or creates it).
    const config = this.config()
    if (!config) return null
    const token = this.o.token.get()
    if (!token) return null
    return { config, auth: { storeId: config.storeId, token }, client: new HubClient(config.hubUrl) }
  }

  /** The redeem path is done with a claim it made: the queue may see it again. True if the hub granted it. */
  private settle(redemptionId: string): boolean {
    this.claiming.delete(redemptionId)
    return this.granted.delete(redemptionId)
  }

  private row(redemptionId: string): ClaimRow | null {
    return (
      (this.o.db.prepare('SELECT * FROM store_claims WHERE redemption_id = ?').get(redemptionId) as
        ClaimRow | undefined) ?? null
    )
  }

  private setState(redemptionId: string, set: string): void {
    this.o.db
      .prepare(`UPDATE store_claims SET ${set}, updated_at = ? WHERE redemption_id = ?`)
      .run(this.o.now(), redemptionId)
  }

  private noteFailure(
    answer:
      | { kind: 'unreachable'; reason: string }
      | { kind: 'refused'; epoch: string | null; error: { code: string } }
  ): false {
    // Logged once per silence, not once per retry.
    if (answer.kind === 'refused') {
      if (answer.epoch) this.noteAnswer(answer.epoch)
      if (!this.hubSilent) this.o.log?.(`store hub refused: ${answer.error.code}`)
    } else if (!this.hubSilent) this.o.log?.(`store hub silent: ${answer.reason}`)
    this.hubSilent = true
    return false
  }

  private noteAnswer(epoch: string): void {
    const config = this.config()
    if (config && config.epoch !== epoch) {
      // The hub lost its data (docs/hub.md § Epoch): its tokens went with it; pair again, then republish.
      this.repairNeeded = true
      this.closeSocket()
    } else this.hubSilent = false
  }

  /** Sends the queue soon, without holding up the caller (the cashier is never kept waiting by the queue). */
  private kick(): void {
    if (this.stopped) return
    setImmediate(() => {
      if (!this.stopped) void this.flush()
    })
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      const { waiting } = this.state()
      // A republish that failed half way is tried again with the queue (the failure was logged by the first try).
      const owed = this.republishOwed().catch(() => 0)
      const go = owed.then(() => (waiting > 0 ? this.flush() : undefined))
      void go.finally(() => this.schedule())
    }, this.retryMs)
    this.timer.unref()
  }

  private announce(): void {
    if (!this.o.onState) return
    const state = this.state()
    const key = JSON.stringify(state)
    if (key === this.lastState) return
    this.lastState = key
    this.o.onState(state)
  }
}

interface Link {
  config: LinkConfig
  auth: HubAuth
  client: HubClient
}

function holderView(holder: ClaimHolder): StoreHolder {
  return { tillName: holder.tillName, cashierName: holder.cashier.name, at: holder.tillAt }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
