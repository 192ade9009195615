import { localParts, type EpochMs } from '../../../shared/time'

/** The sandbox never reads Date.now() itself: tests inject a fake clock, training passes the real one. */
export type Clock = () => EpochMs

/** WeChat's quota days, datacube days and card validity are Beijing time (docs/wechat-api.md §2.2). */
export const WECHAT_ZONE = 'Asia/Shanghai'

/** 'YYYY-MM-DD' of an instant in Beijing time. */
export const wechatDate = (at: EpochMs): string => localParts(at, WECHAT_ZONE).date
