/** storeHub.*: this till's store hub role (single / hub / join), the hub it runs, pairing codes and tills. */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function storeHubHandlers({ storeHub }: Pick<HandlerServices, 'storeHub'>) {
  return {
    'storeHub.get': () => storeHub.view(),
    'storeHub.setRole': (req: ParsedRequestOf<'storeHub.setRole'>, { actor }: ActingContext) =>
      storeHub.setRole(req.role, actor),
    'storeHub.join': (req: ParsedRequestOf<'storeHub.join'>, { actor }: ActingContext) =>
      storeHub.join(req.address, req.pairingCode, actor),
    'storeHub.newCode': () => storeHub.newCode(),
    'storeHub.revoke': (req: ParsedRequestOf<'storeHub.revoke'>, { actor }: ActingContext) =>
      storeHub.revoke(req.tillId, actor),
    'storeHub.discover': () => storeHub.discover()
  }
}
