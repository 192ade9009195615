/** 简体中文 — the default language of the station. Every visible string lives here and in en.ts. */
export const zhCN = {
  app: {
    name: '核销台',
    mode: { training: '培训模式', live: '正式模式' },
    trainingBanner: '培训模式：使用内置沙箱，核销不会影响真实卡券',
    version: '版本 {{version}}',
    language: '语言',
    loading: '正在连接核销服务…'
  },
  shell: {
    schemaVersion: '数据库版本',
    timeZone: '门店时区',
    database: '数据库',
    databaseOk: '正常（{{micros}} 微秒）',
    databaseFailed: '不可用：{{message}}',
    runtime: '运行环境',
    runtimeElectron: '桌面应用',
    runtimeHost: '浏览器（Node 主机）'
  },
  errors: {
    DISCONNECTED: '与核销服务的连接已断开，正在重连…',
    BAD_REQUEST: '请求无效',
    FORBIDDEN: '只有店长可以执行此操作',
    NOT_SIGNED_IN: '请先登录',
    INTERNAL: '系统出错，已记录，数据未改变',
    unknown: '出错了：{{message}}'
  }
}

export type Catalogue = typeof zhCN
