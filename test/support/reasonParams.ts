/** Every reason param filled with a plausible value: a rendered reason then has nothing left to fill. */
import type { ReasonParams } from '../../src/shared/rules'

export const FULL_REASON_PARAMS: ReasonParams = {
  time: '2026-06-03 11:58',
  station: 'T2',
  cashier: '王芳',
  from: '2026-06-01 00:00',
  until: '2026-06-30 23:59',
  days: 30,
  weekdays: [1, 3],
  hours: '10:00–22:00',
  stores: [7, 8],
  billFen: 600,
  minSpendFen: 10000,
  faceValueFen: 1000,
  limitFen: 5000,
  discountFen: 1000,
  changeFen: 400,
  count: 3,
  max: 200,
  percent: 50,
  day: '2026-06-03',
  errcode: 40056,
  status: 'GIFT_SUCC',
  cardType: 'SCENIC_TICKET',
  detail: 'x'
}
