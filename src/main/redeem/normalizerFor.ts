/**
 * The normalizer configuration for a scan the renderer read. HID and serial scanners carry their own
 * (src/main/devices); renderer sources share the station's, and a wedge scan additionally has the wedge
 * scanner's prefix removed — the wedge listener only takes bursts that start with it, and keeps it in raw.
 */
import type { NormalizerConfig, ScanSource } from '../../shared/scan'
import type { RedeemSettings } from '../config/settings'

export function normalizerFor(
  source: ScanSource,
  settings: Pick<RedeemSettings, 'normalizer' | 'wedgePrefix'>
): NormalizerConfig {
  return source === 'wedge' && settings.wedgePrefix !== ''
    ? { ...settings.normalizer, prefix: settings.wedgePrefix }
    : settings.normalizer
}
