/** The counter's channels: look-up, evaluate, commit, void, recent, active cards, offline policy. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { CardChoice } from '../../../shared/redeem'
import type { RulesPolicy } from '../../../shared/rules'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function redeemHandlers({
  redemptions,
  cards,
  settings,
  printer
}: Pick<HandlerServices, 'redemptions' | 'cards' | 'settings' | 'printer'>) {
  return {
    'redeem.lookup': (req: ParsedRequestOf<'redeem.lookup'>, { actor, session }: ActingContext) =>
      redemptions.lookup(req, actor, session.id),
    'redeem.evaluate': (req: ParsedRequestOf<'redeem.evaluate'>, { actor, session }: ActingContext) =>
      redemptions.evaluate(req, actor, session.id),
    'redeem.commit': async (req: ParsedRequestOf<'redeem.commit'>, { actor, session }: ActingContext) => {
      const result = await redemptions.commit(req, actor, session.id)
      // Queues the slip (never waits for the printer, never throws): the redemption is already answered for.
      printer.afterRedemption(result.redemption.id, result.repeated)
      return result
    },
    'redeem.void': (req: ParsedRequestOf<'redeem.void'>, { actor }: ActingContext) =>
      redemptions.voidRedemption(req.redemptionId, req.reason, actor),
    'redeem.recent': (req: ParsedRequestOf<'redeem.recent'>) => redemptions.recent(req.limit, req.beforeAt),
    'cards.active': (): CardChoice[] =>
      cards.activeCards().map((c) => ({
        cardId: c.cardId,
        title: c.title,
        cardType: c.cardType,
        useCustomCode: c.useCustomCode
      })),
    'policy.get': (): RulesPolicy => settings.policy(),
    'policy.set': (req: ParsedRequestOf<'policy.set'>, { actor }: ActingContext): RulesPolicy =>
      settings.changePolicy(req, actor)
  }
}
