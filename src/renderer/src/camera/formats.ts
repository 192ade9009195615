/** Which symbologies the camera looks for. Restricting them is the biggest speed lever zxing has. */
import type { CameraFormat } from '../../../shared/devices'

export { DEFAULT_CAMERA_FORMATS } from '../../../shared/devices'
export type { CameraFormat } from '../../../shared/devices'

/**
 * Bar-based formats: they fail when tilted (a scan line leaves the bars before crossing the whole code), so
 * the pipeline retries them on a levelled crop. Matrix codes (QR, Data Matrix, Aztec) find their own
 * orientation and are never retried; every other format is made of bars (PDF417's rows included).
 */
const MATRIX_FORMATS: ReadonlySet<CameraFormat> = new Set(['QRCode', 'DataMatrix', 'Aztec'])

export const barFormatsOf = (formats: readonly CameraFormat[]): CameraFormat[] =>
  formats.filter((f) => !MATRIX_FORMATS.has(f))
