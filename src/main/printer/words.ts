/**
 * The words printed on paper, in Chinese (default) and English. Slips are made in main, which has no i18next
 * (like exports, src/main/reports/export/words.ts), so the few printed words live here; the screens' words
 * stay in the renderer's catalogues.
 */
export type PrintLanguage = 'zh-CN' | 'en'

const ZH = {
  slipTitle: '核销凭证',
  reprint: '重印',
  training: '培训练习 · 非真实核销',
  store: '门店',
  station: '收银台',
  cashier: '收银员',
  time: '时间',
  coupon: '卡券',
  value: '券面优惠',
  bill: '消费金额',
  payable: '应付金额',
  code: '券码',
  redemptionId: '核销编号',
  voided: '已作废',
  approvedBy: '批准人',
  pending: '待同步至微信',
  keep: '请妥善保管本凭证',
  zTitle: '日结 Z 报表',
  businessDay: '营业日',
  period: '时段',
  closedAt: '日结时间',
  closedBy: '日结人',
  totals: '合计',
  count: '笔数',
  discount: '优惠金额',
  byCard: '按卡券',
  byCashier: '按收银员',
  byStatus: '按同步状态',
  voidedLine: '已作废（不计入）',
  openItems: '未完结事项',
  afterClose: '日结后变动',
  rows: '记录校验',
  none: '无',
  testTitle: '打印测试页',
  testBody: '中文 GB18030：核销凭证 ￥ 收银台',
  testWidth: '纸宽',
  testQr: '下方二维码内容',
  yuan: (text: string) => `${text} 元`,
  status: {
    synced: '已同步',
    pending: '待同步',
    conflict: '冲突',
    rejected: '被拒绝'
  } as Record<string, string>
}

type Words = typeof ZH

const EN: Words = {
  slipTitle: 'Redemption slip',
  reprint: 'REPRINT',
  training: 'TRAINING - not a real redemption',
  store: 'Store',
  station: 'Till',
  cashier: 'Cashier',
  time: 'Time',
  coupon: 'Coupon',
  value: 'Coupon value',
  bill: 'Bill',
  payable: 'Payable',
  code: 'Code',
  redemptionId: 'Redemption id',
  voided: 'VOIDED',
  approvedBy: 'Approved by',
  pending: 'Not yet sent to WeChat',
  keep: 'Please keep this slip',
  zTitle: 'Z report',
  businessDay: 'Business day',
  period: 'Period',
  closedAt: 'Closed at',
  closedBy: 'Closed by',
  totals: 'Totals',
  count: 'Count',
  discount: 'Discount',
  byCard: 'By coupon',
  byCashier: 'By cashier',
  byStatus: 'By sync status',
  voidedLine: 'Voided (not counted)',
  openItems: 'Open items',
  afterClose: 'Changes after close',
  rows: 'Row check',
  none: 'none',
  testTitle: 'Printer test page',
  testBody: 'Chinese GB18030: 核销凭证 ￥ 收银台',
  testWidth: 'Paper',
  testQr: 'QR below holds',
  yuan: (text: string) => `CNY ${text}`,
  status: {
    synced: 'Synced',
    pending: 'Pending',
    conflict: 'Conflict',
    rejected: 'Rejected'
  }
}

export const printWords = (language: PrintLanguage): Words => (language === 'en' ? EN : ZH)
