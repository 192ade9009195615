/** The counter's channels: look-up, evaluate, commit, void, recent, active cards, offline policy. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { CardChoice } from '../../../shared/redeem'
import { AppFailure } from '../../../shared/result'
import type { RulesPolicy } from '../../../shared/rules'
import type { SignedInStaff } from '../session'
import type { Station } from '../../station/station'
import { appendAudit } from '../../staff/audit'
import type { HandlerContext } from './index'

const signedIn = ({ session }: HandlerContext): SignedInStaff => {
  // The dispatcher already refused signed-out sessions for 'staff' channels; this narrows the type.
  if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
  return session.staff
}

export function redeemHandlers(station: Station) {
  const { redemptions, cards, settings } = station.services
  return {
    'redeem.lookup': (req: ParsedRequestOf<'redeem.lookup'>, ctx: HandlerContext) =>
      redemptions.lookup(req, signedIn(ctx), ctx.session.id),
    'redeem.evaluate': (req: ParsedRequestOf<'redeem.evaluate'>, ctx: HandlerContext) =>
      redemptions.evaluate(req, signedIn(ctx), ctx.session.id),
    'redeem.commit': async (req: ParsedRequestOf<'redeem.commit'>, ctx: HandlerContext) => {
      const result = await redemptions.commit(req, signedIn(ctx), ctx.session.id)
      // Queues the slip (never waits for the printer, never throws): the redemption is already answered for.
      station.services.printer.afterRedemption(result.redemption.id, result.repeated)
      return result
    },
    'redeem.void': (req: ParsedRequestOf<'redeem.void'>, ctx: HandlerContext) =>
      redemptions.voidRedemption(req.redemptionId, req.reason, signedIn(ctx)),
    'redeem.recent': (req: ParsedRequestOf<'redeem.recent'>) => redemptions.recent(req.limit, req.beforeAt),
    'cards.active': (): CardChoice[] =>
      cards.activeCards().map((c) => ({
        cardId: c.cardId,
        title: c.title,
        cardType: c.cardType,
        useCustomCode: c.useCustomCode
      })),
    'policy.get': (): RulesPolicy => settings.policy(),
    'policy.set': (req: ParsedRequestOf<'policy.set'>, ctx: HandlerContext): RulesPolicy => {
      const who = signedIn(ctx)
      const before = settings.policy()
      station.db.transaction(() => {
        settings.setPolicy(req)
        appendAudit(station.db, {
          at: Date.now(),
          actorId: who.staffId,
          actorName: who.name,
          action: 'settings.changed',
          subject: 'policy',
          detail: { before, after: req }
        })
      })()
      return settings.policy()
    }
  }
}
