/** 简体中文 — the default language of the station. Every word a user reads lives here and in en.ts (docs/i18n.md). */
export const zhCN = {
  /** Words printed on paper by the receipt printer (src/main/printer/documents.ts). */
  printPaper: {
    slipTitle: '核销凭证',
    reprint: '重印',
    reprintMark: '【重印】',
    /** A double-width glyph: the test page's ruler shows how many fit across the paper. */
    testRulerGlyph: '中',
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
    yuan: '{{amount}} 元',
    status: { synced: '已同步', pending: '待同步', conflict: '冲突', rejected: '被拒绝' }
  },
  app: {
    name: '核销台',
    mode: { training: '培训模式', live: '正式模式' },
    trainingBanner: '使用内置沙箱，核销不会影响真实卡券',
    trainingWord: '培训模式 TRAINING',
    version: '版本 {{version}}',
    language: '语言',
    loading: '正在连接核销服务…',
    damageTitle: '数据库已损坏 — 已停止核销和一切写入',
    damageBody: '已保存的记录没有改动。请店长在“日结 → 备份”中恢复最新的完好备份；恢复前不能核销。'
  },
  shell: {
    schemaVersion: '数据库版本',
    timeZone: '门店时区',
    database: '数据库',
    databaseOk: '正常（{{micros}} 微秒）',
    databaseDamaged: '已损坏 — 已停止写入',
    databaseFailed: '不可用：{{message}}',
    runtime: '运行环境',
    runtimeElectron: '桌面应用',
    runtimeHost: '浏览器（Node 主机）'
  },
  scan: {
    panel: {
      title: '扫码测试',
      intro: '用扫码枪或摄像头扫一个码，检查读到的原始内容。',
      lastScan: '最近一次扫码',
      source: '来源',
      device: '设备',
      raw: '原始内容',
      count: '扫码次数',
      none: '尚未扫码',
      testField: '测试输入框',
      testFieldPlaceholder: '可以在这里打字；扫码内容不会出现在这里'
    },
    source: {
      wedge: '键盘扫码枪',
      camera: '摄像头',
      hid: 'USB HID 扫码枪',
      serial: '串口扫码枪',
      manual: '手工输入'
    },
    mangled: { ime: '扫码内容被中文输入法打乱，请切换到英文输入法后重新扫码。' },
    camera: {
      toggle: '开启摄像头',
      view: '摄像头取景',
      choose: '选择摄像头',
      status: {
        off: '摄像头未开启',
        starting: '正在打开摄像头…',
        running: '正在扫描：把卡券码对准摄像头'
      },
      problem: {
        unsupported: '当前环境不支持摄像头。',
        noCamera: '没有找到摄像头，请检查是否已连接。',
        denied: '没有摄像头权限，请在系统设置中允许本应用使用摄像头。',
        inUse: '摄像头正被其他程序使用，请关闭该程序后重试。',
        failed: '无法打开摄像头，请重新插拔后重试。',
        decoderFailed: '识别组件加载失败，请重启应用。'
      },
      hint: { closer: '请把手机靠近摄像头', level: '请把手机放正' }
    }
  },
  devices: {
    intro: '先扫一个测试码看看读到了什么，再逐项设置扫码设备。修改在保存后生效。',
    listProblem: {
      serialToolMissing:
        '本机无法列出串口：缺少系统工具 udevadm（udev 软件包）。仍可手动输入串口路径，例如 /dev/ttyACM0。',
      serialListFailed: '暂时无法列出串口。仍可手动输入串口路径。',
      hidListFailed: '暂时无法列出 USB 扫码枪。请检查 USB 库是否已安装，或改用键盘模式或串口扫码枪。',
      details: '给技术人员的详情'
    },
    save: '保存设备设置',
    saved: '设备设置已保存，扫码枪已按新设置重新打开',
    revert: '放弃修改',
    refresh: '刷新设备列表',
    add: '添加',
    addManual: '手动添加',
    remove: '删除',
    label: '名称',
    prefix: '前缀',
    suffix: '后缀',
    optional: '可选',
    alreadyConfigured: '已配置',
    status: {
      notRunning: '未启用（保存后打开）',
      connected: '已连接',
      disconnected: '未连接',
      reopening: '未插入，等待重新连接…',
      error: '无法打开'
    },
    test: {
      normalized: '识别结果',
      history: '最近的测试扫码',
      time: '时间',
      kind: { code: '券码', encrypted: '加密券码 encrypt_code' }
    },
    wedge: {
      title: '键盘模式扫码枪',
      intro:
        '键盘模式的扫码枪像键盘一样“打字”。核销台按打字速度区分扫码和人工输入。慢速扫码枪请先校准：点“校准”，再用这把扫码枪扫任意条码。',
      calibrate: '校准：扫一个测试码',
      cancel: '取消校准',
      recording: '请现在用扫码枪扫一个条码…',
      tooShort: '读到的内容太短，请换一个至少 4 位的条码重新校准。',
      measured:
        '读到 {{n}} 个字符“{{text}}”：平均每字符 {{mean}} 毫秒，最长停顿 {{max}} 毫秒，结束键 {{suffix}}',
      noSuffixKey: '无',
      apply: '使用校准结果（每字符 ≤ {{avg}} 毫秒，停顿 ≤ {{gap}} 毫秒）',
      warnings: {
        overlapsHuman:
          '这把扫码枪和人手打字一样慢，较短的人工输入可能被当成扫码。建议在扫码枪上调小按键间隔，或改用 HID POS / 串口模式。',
        noSuffix:
          '扫码枪没有发送回车或 Tab，每次扫码要多等 {{ms}} 毫秒才算结束。建议在扫码枪上设置回车后缀。',
        imeActive:
          '中文输入法拦截了扫码按键。请切换到英文输入法；更可靠的做法是把扫码枪设置为 HID POS 或 USB 虚拟串口模式，完全绕开输入法。'
      },
      avgMsPerChar: '每字符平均间隔上限（毫秒）',
      avgHelp: '低于此速度的连续按键才算扫码；人手打字通常在 80 毫秒以上',
      maxGapMs: '按键最长停顿（毫秒）',
      minLength: '最短字符数',
      suffixKeys: '结束键',
      requireSuffix: '必须以结束键结尾',
      prefixHelp: '设置后只有以此前缀开头的扫码才被接受',
      imeTitle: '中文输入法与扫码枪',
      imeBody:
        '收银电脑开着中文输入法时，键盘模式扫码枪的字母可能被输入法吃掉。核销台会尽量还原，无法还原时会提示“扫码内容被打乱”。最稳妥的办法是用扫码枪说明书里的设置码把它切换到 HID POS 或 USB 虚拟串口（CDC）模式，然后在“USB HID”或“串口”页添加它。'
    },
    hid: {
      title: 'USB HID 扫码枪',
      intro:
        'HID POS 模式的扫码枪由核销台直接读取，不经过键盘和输入法。按厂商 ID / 产品 ID 识别，换 USB 口也能找到。',
      found: '检测到的 HID 扫码设备',
      none: '没有检测到 HID 扫码设备',
      noneConfigured: '尚未配置 HID 扫码枪',
      unnamed: '未命名设备',
      vendorId: '厂商 ID（VID）',
      productId: '产品 ID（PID）',
      path: '设备路径（可选）',
      protocol: '协议',
      protocols: { auto: '自动识别', 'hid-pos': 'HID POS', keyboard: '键盘报告' },
      kinds: { 'hid-pos': 'HID POS', keyboard: '键盘模式' }
    },
    serial: {
      title: '串口扫码枪 / 扫码盒子',
      intro: '串口或 USB 虚拟串口（CDC）模式的扫码枪和扫码盒子。按说明书填写波特率、校验和结束符。',
      found: '检测到的串口',
      none: '没有检测到串口（虚拟串口不会列出，可手动添加）',
      noneConfigured: '尚未配置串口扫码设备',
      newPort: '新串口',
      path: '串口路径',
      pathHelp: '如 /dev/ttyACM0、/dev/serial/by-id/…、COM3',
      baudRate: '波特率',
      dataBits: '数据位',
      parity: '校验',
      parities: { none: '无', even: '偶校验', odd: '奇校验', mark: '标记', space: '空格' },
      stopBits: '停止位',
      delimiter: '帧结束符',
      delimiters: { CR: '回车 CR', LF: '换行 LF', CRLF: '回车换行 CR LF', byte: '自定义字节' },
      delimiterByte: '结束字节（0–255）',
      kinds: { 'usb-cdc': 'USB 虚拟串口', 'usb-serial': 'USB 转串口', onboard: '主板串口', other: '其他' }
    },
    camera: {
      title: '摄像头',
      intro: '核销台用摄像头识别顾客手机上的券码。只勾选需要的码制，识别更快。',
      chosen: '使用的摄像头',
      default: '系统默认摄像头',
      nth: '摄像头 {{n}}',
      absent: '{{label}}（未连接）',
      none: '没有找到摄像头',
      labelsHidden: '打开一次上方的摄像头预览后才能看到摄像头名称',
      formats: '识别的码制',
      formatsHelp: '微信卡券使用二维码、Code 128 或 PDF417'
    }
  },
  language: { zh: '中文', en: 'English' },
  common: { retry: '重试', listSeparator: '、' },
  role: { cashier: '收银员', manager: '店长' },
  pin: { keypad: '数字键盘', backspace: '删除一位', ok: '确定' },
  firstRun: {
    title: '首次使用：创建店长账号',
    intro: '这台收银台还没有任何员工。请先创建第一位店长，之后店长可以添加收银员。',
    name: '姓名',
    nameRequired: '请输入姓名',
    pin: 'PIN（4–8 位数字）',
    pinAgain: '再次输入 PIN',
    pinRule: 'PIN 必须是 4 到 8 位数字',
    pinMismatch: '两次输入的 PIN 不一致',
    create: '创建店长并登录'
  },
  signIn: {
    title: '登录',
    pickName: '请选择您的名字',
    typePin: '请输入您的 PIN',
    staffList: '员工',
    pinOf: '{{name}} 的 PIN',
    attention: {
      title: '有事项等待店长处理',
      needsManager: '{{n}} 项冲突或被拒的核销待处理（「冲突」页）'
    },
    changePin: '更改我的 PIN',
    deactivated: '您的账号已被店长停用，已退出登录。如有疑问请联系店长。'
  },
  changePin: {
    title: '更改 {{name}} 的 PIN',
    intro: '请输入现在的 PIN，再输入两次新的 PIN。',
    oldPin: '现在的 PIN',
    oldPinRequired: '请输入现在的 PIN',
    newPin: '新 PIN（4–8 位数字）',
    newPinAgain: '再次输入新 PIN',
    submit: '更改 PIN',
    done: '{{name}} 的 PIN 已更改，下次请用新 PIN 登录。'
  },
  lock: {
    title: '收银台已锁定',
    who: '{{name}} 已登录。请输入 PIN 解锁。',
    pinLabel: '{{name}} 的 PIN',
    switchUser: '换人登录（退出 {{name}}）',
    scanWhileLocked: '锁定期间收到一次扫码（{{code}}），该券没有核销。请先解锁，再重新扫码。',
    scanWhileLockedTitle: '扫码未处理'
  },
  approval: {
    title: '需要店长确认',
    intro: '此次核销需要店长输入 PIN 确认。',
    managers: '店长',
    pinOf: '店长 {{name}} 的 PIN'
  },
  header: {
    stationUnknown: '门店信息读取中',
    devices: { none: '键盘扫码枪 · 摄像头', ok: '扫码枪已连接（{{n}}）', down: '扫码枪未连接：{{names}}' },
    storeLink: {
      connected: '门店主机已连接',
      degraded: '门店主机无响应',
      repair: '门店主机已更换，需店长重新配对',
      waiting: '{{n}} 笔待确认'
    },
    mute: '静音',
    unmute: '打开声音',
    lock: '锁定',
    signOut: '退出登录'
  },
  nav: {
    label: '页面',
    counter: '核销',
    training: '培训券码表',
    day: '日结',
    conflicts: '冲突处理',
    settings: '设置',
    devices: '设备',
    staff: '员工'
  },
  placeholder: { title: '此页面正在建设中', body: '这个页面由其他模块提供，完成后会显示在这里。' },
  sync: {
    connectivity: { online: '在线', degraded: '网络不稳', offline: '离线', unknown: '连接状态未知' },
    queue: '待同步 {{n}}',
    oldest: '最早已等 {{age}}',
    paused: { quota: '同步暂停：今日调用次数已用完', auth: '同步暂停：微信账号设置有误' },
    needsManager: '待店长处理 {{n}}',
    pause: {
      since: '{{at}} 起暂停',
      until: '预计 {{at}} 自动恢复',
      untilFixed: '设置修正后恢复',
      callManager: '请告知店长',
      resume: '恢复同步',
      resumed: '同步已恢复，待同步的核销正在发送',
      confirmTitle: '现在恢复同步？',
      confirm: {
        quota: '请确认已在微信公众平台清零接口配额（或北京时间已到新的一天）。',
        auth: '请确认已修正微信账号设置。'
      },
      cancel: '暂不'
    }
  },
  age: { seconds: '{{n}} 秒', minutes: '{{n}} 分钟', hours: '{{n}} 小时' },
  decision: {
    offline: '离线',
    title: {
      READY: '请扫码',
      OK: '可以核销',
      NEEDS_AMOUNT: '请输入消费金额',
      CHOOSE: '请选择券种',
      WARN: '请确认后核销',
      WARN_PIN: '需要店长 PIN',
      DENY: '不能核销',
      DUPLICATE: '重复使用！此券已核销过',
      REJECTED: '扫码内容无法识别',
      FAILED: '查询失败',
      REDEEMED: '已核销',
      SYNC_CONFLICT: '微信未确认：请叫店长'
    },
    hint: {
      READY: '扫码枪随时可扫；券码损坏或只有文字时，请在下方手动输入。',
      OK: '按 Enter 核销，按 Esc 取消。',
      NEEDS_AMOUNT: '输入本单金额后按 Enter。',
      CHOOSE: '本机不知道这个券码属于哪种券，请按顾客手机上显示的券选择。',
      WARN: '请核对以上提示，按 Enter 确认核销，按 Esc 取消。',
      WARN_PIN: '按 Enter 请店长输入 PIN，按 Esc 取消。',
      DENY: '请告诉顾客原因。按 Esc 接待下一位。',
      DUPLICATE: '请勿再次核销！请告诉顾客此券已使用。按 Esc 接待下一位。',
      REJECTED: '请重新扫码，或在下方手动输入券码。',
      FAILED: '请重新扫码；如果一直失败，请联系店长。',
      REDEEMED: '可以直接扫下一张券。',
      SYNC_CONFLICT:
        '本机已记录，但微信的结果与本机不同（原因见上一行）。请勿再次核销；店长在「冲突」页处理。按 Esc 接待下一位。'
    }
  },
  cardType: {
    CASH: '代金券',
    DISCOUNT: '折扣券',
    GIFT: '兑换券',
    GROUPON: '团购券',
    GENERAL_COUPON: '优惠券',
    MEMBER_CARD: '会员卡',
    UNKNOWN: '其他券'
  },
  coupon: {
    label: '卡券',
    unreadable: '券种信息无法识别',
    fromCache: '本机缓存',
    picked: '收银员选择',
    validity: '有效期',
    validRange: '{{from}} 至 {{until}}',
    validFromReceipt: '领取后第 {{begin}} 天起，{{days}} 天内有效',
    validFromReceiptOpen: '领取后第 {{begin}} 天起有效',
    validForever: '长期有效',
    validUnknown: '未知',
    hours: '可用时段',
    anyTime: '全天可用',
    everyDay: '每天',
    stores: '适用门店',
    allStores: '全部门店',
    someStores: '指定门店（{{ids}}）',
    minSpend: '最低消费',
    noMinSpend: '无门槛',
    stacking: '与其他优惠',
    stackingYes: '可同时使用',
    stackingNo: '不可同时使用',
    code: '券码',
    customer: '顾客'
  },
  couponValue: {
    cashMinSpend: '满{{least.yuan}}减{{reduce.yuan}}',
    cashOff: '立减{{reduce.yuan}}元',
    noDiscount: '不打折',
    free: '免单',
    discount: '{{off.zhe}}折',
    gift: '兑换：{{item}}',
    groupon: '团购：{{item}}',
    general: '优惠：{{item}}',
    memberNotRedeemed: '会员卡（不核销）',
    memberDiscount: '会员卡，会员{{off.zhe}}折',
    unknownType: '未识别的券类型：{{type}}',
    minSpend: '满{{least.yuan}}元可用',
    noStacking: '不可与其他优惠共享',
    acceptCategory: '适用于{{category}}',
    rejectCategory: '不适用于{{category}}',
    objectUseFor: '购买{{item}}可用'
  },
  weekday: { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
  bill: {
    required: '本单消费金额（必填）',
    optional: '本单消费金额（选填）',
    placeholder: '例如 120 或 120.50',
    help: '以元为单位输入，最多两位小数，最高 {{max}}。',
    tooLarge: '金额太大：本单消费最高 {{max}}，请核对后重输。',
    invalid: '金额格式不对：请输入如 120 或 120.50 的数字。',
    otherDiscount: '本单已使用其他优惠',
    otherDiscountHelp: '顾客本单已经享受了其他折扣或优惠时打开。'
  },
  money: { bill: '消费', discount: '优惠', payable: '应付' },
  choices: { title: '选择券种' },
  duplicate: {
    label: '第一次核销',
    when: '时间',
    station: '收银台',
    cashier: '收银员',
    synced: '同步到微信',
    syncedYes: '已同步',
    syncedNo: '尚未同步',
    otherTill: '本店其他收银台已核销（门店主机告知）',
    elsewhere: '微信显示此券已被核销，本机没有这次核销的记录（可能在其他门店或其他收银台）。'
  },
  actions: {
    commit: '核销',
    confirm: '核销',
    approve: '请店长输入 PIN',
    needAmount: '请先输入金额',
    cancel: '取消',
    next: '下一位',
    confirmQuestion: '已核对以上提示？再按一次 Enter 确认核销。'
  },
  redeemed: {
    storeUnchecked: '未经门店核对：门店主机没有响应，此券可能已在其他收银台使用。主机恢复后会自动核对',
    sync: {
      confirmed: '微信已确认核销',
      queued: '已保存，联网后自动同步到微信',
      queuedPaused: '已保存，暂停结束后自动发送到微信（{{why}}）',
      conflict: '同步冲突：请店长处理',
      rejected: '微信拒绝了此次核销：请店长处理',
      voided: '已作废'
    },
    approvedBy: '店长 {{name}} 已批准'
  },
  status: {
    pending: '待同步',
    stale: '同步超时',
    synced: '已同步',
    conflict: '冲突',
    rejected: '被拒绝',
    voided: '已作废'
  },
  printer: {
    title: '小票打印机',
    intro:
      'ESC/POS 热敏打印机（58 或 80 毫米纸）：网络（9100 端口）、串口或 USB 串口、打印机设备。核销从不等待打印机，打不出的凭证可以稍后重印。',
    none: '还没有设置小票打印机。',
    add: '添加打印机',
    remove: '移除打印机',
    removeConfirm: '移除后不再打印凭证。确定移除这台打印机？',
    keep: '保留',
    enabled: '启用',
    label: '名称',
    connection: '连接方式',
    kinds: { network: '网络（TCP 9100）', serial: '串口 / USB 串口', device: '打印机设备文件' },
    host: '打印机 IP 地址',
    port: '端口',
    path: '串口路径',
    devicePath: '设备路径',
    devicePathHelp: '例如 /dev/usb/lp0。这种连接读不到打印机状态。',
    baudRate: '波特率',
    paperWidth: '纸宽',
    paperMm: '{{mm}} 毫米',
    slipMode: '核销凭证',
    slipModes: { auto: '核销后自动打印', ask: '收银员按“打印凭证”时打印', never: '不打印' },
    language: '打印语言',
    languages: { 'zh-CN': '中文', en: 'English' },
    codeDigits: '券码显示末几位',
    cut: '打印后切纸',
    save: '保存打印机设置',
    saved: '打印机设置已保存',
    check: '检查状态',
    test: '打印测试页',
    testQueued: '测试页已发送到打印机',
    statusLabel: '打印机状态',
    state: {
      none: '未设置',
      ready: '就绪',
      paperLow: '纸快用完了',
      paperOut: '缺纸',
      coverOpen: '纸仓盖开着',
      offline: '连不上打印机',
      error: '打印机故障'
    },
    counterAlert: {
      paperOut: '打印机缺纸：请装纸。核销照常进行，凭证可稍后重印。',
      coverOpen: '打印机纸仓盖开着：请合上。核销照常进行，凭证可稍后重印。',
      offline: '连不上小票打印机：请检查电源和网线。核销照常进行，凭证可稍后重印。',
      error: '小票打印机故障：请检查打印机。核销照常进行，凭证可稍后重印。'
    },
    unprinted: '没有打出来的',
    unprintedNone: '全部已打印。',
    retry: '重新打印',
    kind: { slip: '核销凭证', zreport: 'Z 报表', test: '测试页' },
    job: {
      queued: '等待打印…',
      printing: '正在打印…',
      printed: '已打印',
      failed: '没打出来：{{why}}'
    },
    printSlip: '打印凭证',
    reprintSlip: '重印凭证',
    printZ: '用小票打印机打印',
    reprintNote: '再次打印的凭证会标明“重印”，并记入操作日志。'
  },
  recent: {
    title: '最近核销',
    empty: '本班次还没有核销记录。',
    noMoney: '无金额',
    open: '查看 {{time}} 的核销详情',
    details: '核销详情',
    close: '关闭'
  },
  counter: { camera: { on: '摄像头扫码', off: '关闭摄像头' } },
  manual: {
    label: '手动输入券码',
    placeholder: '输入券码后按 Enter',
    submit: '查询',
    looking: '正在查询…'
  },
  notice: {
    doubleRead: '同一张券刚刚已读到，这次重复读取已忽略。',
    mangled: '扫码内容被中文输入法打乱，请切换到英文输入法后重新扫码。'
  },
  training: {
    title: '培训券码表',
    intro: '每个券码演示一种结果。点“扫描”把券码发送到核销页面，就像用扫码枪扫了一样。',
    scenario: '场景',
    code: '券码',
    expected: '扫码后应看到',
    followUp: '输入金额后',
    followUpBill: '输入 {{bill}} →',
    description: '说明',
    action: '操作',
    scan: '扫描',
    scanCode: '扫描：{{title}}',
    reset: {
      button: '重置练习',
      confirmTitle: '为下一位学员重置练习？',
      whatCodes:
        '所有培训券码都可以重新使用，就像第一次一样：内置沙箱恢复到初始状态，断网演练也可以再做一次。',
      whatLedger:
        '到目前为止的练习核销会标记为“已撤销：练习已重置”。它们不再算作已核销、不计入当天的数字、也不会再同步，但仍显示在培训记录和操作日志里。',
      whatHours: '限时券的可用时段会按现在的时间重新安排。',
      whatKept: '只改动培训数据，正式数据库不受任何影响；员工、设置和已生成的 Z 报表保持不变。',
      confirm: '重置练习',
      cancel: '取消',
      voidReason: '练习已重置',
      done: '练习已重置：{{count}} 笔练习核销已撤销，所有培训券码可以重新使用。'
    }
  },
  staffPage: {
    list: '员工名单',
    add: '添加员工',
    role: '角色',
    create: '添加',
    created: '已添加 {{name}}',
    name: '姓名',
    status: '状态',
    actions: '操作',
    active: '在职',
    inactive: '已停用',
    you: '（您）',
    resetPin: '重置 PIN',
    resetPinTitle: '为 {{name}} 设置新 PIN',
    resetPinIntro: '{{name}} 忘记 PIN 时使用。设置后请当面告知本人；输错锁定也会一并解除。',
    resetPinSubmit: '设置新 PIN',
    pinReset: '已为 {{name}} 设置新 PIN',
    changeMyPin: '更改我的 PIN',
    deactivate: '停用',
    deactivateConfirm: '停用 {{name}}？停用后 TA 不能再登录，正在使用的收银台会立即退出登录。',
    deactivated: '已停用 {{name}}',
    reactivate: '恢复',
    reactivated: '已恢复 {{name}}，可以用原来的 PIN 登录',
    makeManager: '设为店长',
    makeCashier: '改为收银员',
    makeManagerConfirm: '把 {{name}} 设为店长？店长可以管理员工、设置和日结。',
    makeCashierConfirm: '把 {{name}} 改为收银员？TA 将不能再进入店长页面。',
    nowManager: '{{name}} 现在是店长',
    nowCashier: '{{name}} 现在是收银员',
    confirm: '确定',
    cancel: '取消',
    lastManagerNote: '收银台至少要有一位在职店长，最后一位店长不能停用或改为收银员。'
  },
  reports: {
    tabs: { day: '当日报表', z: 'Z 报表', audit: '审计日志', backups: '备份' },
    day: {
      businessDay: '营业日',
      from: '从',
      to: '到',
      oneDay: '单日',
      range: '多日',
      today: '今天',
      previous: '前一天',
      next: '后一天',
      refresh: '刷新',
      cutoff: '营业日从 {{time}} 开始，时区 {{zone}}',
      totalsNote: '合计包含待同步、已同步、冲突和被拒绝的核销；已作废的单独列出，不计入合计。',
      count: '核销笔数',
      discount: '优惠合计',
      bill: '消费合计',
      payable: '应付合计',
      byStatus: '同步状态',
      byCard: '按券',
      byCardType: '按券类型',
      byCashier: '按收银员',
      byHour: '按小时',
      byChannel: '在线 / 离线',
      online: '在线',
      offline: '离线',
      staleOf: '其中同步超时',
      voided: '已作废（不计入合计）',
      resolved: '冲突/拒绝中已处理 {{count}} 笔',
      closed: '已日结：Z 报表第 {{number}} 号',
      closedSummary: '已日结：Z 报表第 {{number}} 号 · {{count}} 笔 · {{discount}}',
      untilClose:
        '以下为截至 {{at}} 日结时的数字，与 Z 报表第 {{number}} 号完全一致。本营业日日结后的核销另列在下方。',
      afterCloseTitle: '日结后',
      afterCloseBody:
        '日结后又核销 {{count}} 笔，优惠 {{discount}}：仍属本营业日，不在 Z 报表第 {{number}} 号中，将计入下一份 Z 报表。',
      afterCloseShow: '查看这些核销',
      voidedAfterClose:
        'Z 报表第 {{number}} 号已计入的 {{count}} 笔（{{discount}}）在日结后被作废，作废记录计入下一份 Z 报表。',
      notClosed: '尚未日结',
      name: '名称',
      share: '占比',
      empty: '这段时间没有核销记录。',
      noCard: '（未识别的券）',
      loadFailed: '报表加载失败'
    },
    wechat: {
      title: '与微信核对',
      date: '日期',
      ours: '本机（微信已确认）',
      wechat: '微信统计',
      difference: '差额',
      notYet: '当天结束后才能核对',
      unavailable: '暂无法获取：{{reason}}',
      explain:
        '微信按自然日（北京时间）统计整个公众号的核销，包括其他门店、其他收银台和其他核销方式；本机数字只含本收银台经微信确认的核销。'
    },
    drill: {
      title: '明细',
      filter: '筛选',
      clear: '清除筛选',
      all: '全部核销',
      at: '时间',
      code: '券码',
      card: '券',
      cashier: '收银员',
      discount: '优惠',
      bill: '消费',
      status: '状态',
      channel: '方式',
      total: '共 {{n}} 笔',
      hour: '{{hour}} 点',
      approver: '批准人',
      afterClose: '日结后',
      open: '查看券码 {{code}} 的核销经过',
      storyTitle: '核销 {{code}}',
      storyLoading: '正在读取核销经过…'
    },
    export: {
      csv: '导出 CSV',
      xlsx: '导出 Excel',
      language: '文件语言',
      done: '已导出 {{fileName}}（{{rows}} 笔）',
      saved: '已保存到 {{path}}',
      cancelled: '已取消导出'
    },
    close: {
      button: '日结（生成 Z 报表）',
      confirmTitle: '确认日结 {{day}}？',
      confirmBody: 'Z 报表生成后不能修改，同一营业日只能日结一次。',
      openWarning: '还有 {{n}} 笔未完成（待同步、冲突或被拒绝），会在 Z 报表中醒目列出；日结后仍会继续同步。',
      confirm: '确认日结',
      cancel: '取消',
      done: '已生成 Z 报表第 {{number}} 号',
      backupFailed: '日结已完成，但备份失败：{{error}}',
      earlyTitle: '本营业日尚未结束',
      earlyBody:
        '营业日 {{day}} 到 {{end}} 才结束。现在日结，Z 报表只计入目前已核销的部分；日结后的核销仍属于 {{day}}，在日报中标为“日结后”，并计入下一份 Z 报表。',
      earlyConfirm: '提前日结'
    },
    z: {
      list: 'Z 报表',
      title: 'Z 报表 第 {{number}} 号',
      day: '营业日',
      closedAt: '日结时间',
      closedBy: '日结人',
      store: '门店',
      period: '营业时段',
      openItems: '未完成的核销',
      total: '合计',
      afterClose: '日结后的变动（之前已日结的营业日）',
      afterCloseNone: '没有日结后的变动。',
      verified: '校验通过：报表未被改动',
      tampered: '校验失败：报表内容与存档的哈希不符，可能已被改动！',
      auditMismatch: '校验失败：哈希与审计日志中的记录不符！',
      rowsMismatch: '注意：这一天的核销记录与日结时不一致！',
      print: '打印',
      pdf: '保存为 PDF',
      pdfSaved: 'PDF 已保存到 {{path}}',
      pdfInBrowser: '在浏览器中由打印对话框保存 PDF：目标打印机请选择“另存为 PDF”，再选择保存位置。',
      pdfCancelled: '已取消保存 PDF，没有保存任何文件',
      closedEarly: '在营业日结束（{{end}}）前日结；本营业日日结后的核销计入下一份 Z 报表。',
      none: '还没有 Z 报表。',
      training: '培训数据，不是真实核销',
      rows: '核销记录 {{count}} 条（SHA-256 {{sha}}）',
      open: '打开',
      event: {
        redeemed: '日结后新增核销',
        synced: '已同步',
        conflict: '冲突',
        rejected: '被拒绝',
        voided: '已作废',
        resolved: '已处理'
      }
    },
    conflicts: {
      open: '待处理',
      resolved: '已处理',
      all: '全部',
      empty: '没有需要处理的冲突或拒绝。',
      story: '完整经过',
      redemption: '核销',
      scan: '扫码',
      decision: '收银台判定',
      attempts: '同步记录',
      auditTrail: '审计记录',
      noScan: '扫码记录已不在日志中',
      technical: '技术细节',
      attemptKinds: { consume: '核销请求', status_check: '查询券状态' },
      attemptOutcomes: {
        consumed: '微信已核销',
        refused: '微信拒绝',
        ambiguous: '结果不明（稍后再查）',
        not_applied: '微信未执行',
        unknown: '结果未知',
        status: '已查到券状态',
        failed: '没连上微信（网络或服务故障）',
        pending: '进行中或中断'
      },
      attemptKind: '类型',
      attemptOutcome: '结果',
      attemptDetail: '微信回复',
      noAttempts: '还没有同步尝试',
      reason: '原因',
      choose: '从左侧选择一笔查看经过',
      crossTill: {
        title: '两台收银台重复核销',
        intro:
          '以下券在门店主机无响应时由本机核销，但本店其他收银台已先核销。请向顾客追回或做损失处理，并告知对方收银台。',
        here: '本机：{{time}}，收银员 {{cashier}}（未经门店核对）',
        holder: '首次：{{time}}，{{station}}，收银员 {{cashier}}'
      },
      resolveTitle: '处理',
      note: '说明',
      notePlaceholder: '例如：顾客已当场补付 10 元现金',
      submit: '确认处理',
      resolvedBy: '{{name}} 于 {{at}} 处理',
      outcome: { collected: '已向顾客收回', written_off: '核销损失（冲销）', other: '其他' }
    },
    audit: {
      verify: '立即校验',
      intact: '审计链完整（{{n}} 条）',
      broken: '审计链在第 {{id}} 条断开：{{reason}}',
      action: '操作',
      actor: '人员',
      subject: '对象',
      detail: '详情',
      at: '时间',
      allActions: '全部操作',
      actorFilter: '按人员筛选',
      more: '加载更多',
      total: '共 {{n}} 条',
      what: '发生了什么',
      details: '详情',
      yes: '是',
      no: '否',
      noChange: '已保存，没有改动',
      bySync: '同步程序',
      byStation: '核销台',
      groups: {
        redemption: '核销',
        conflict: '冲突',
        day: '日结',
        backup: '备份',
        training: '培训',
        staff: '员工',
        settings: '设置',
        sync: '同步'
      },
      actions: {
        staff: {
          sign_in: '登录',
          sign_in_failed: '登录时 PIN 输错',
          sign_out: '退出登录',
          created: '添加员工',
          pin_changed: '更改自己的 PIN',
          pin_reset: '店长重置 PIN',
          deactivated: '停用员工',
          reactivated: '重新启用员工',
          role_changed: '更改角色'
        },
        redemption: {
          created: '核销',
          voided: '撤销核销',
          override: '店长批准核销',
          conflict: '同步发现冲突',
          rejected: '微信拒绝核销'
        },
        conflict: { resolved: '处理冲突' },
        settings: { changed: '修改了设置', approval_rules_changed: '修改了审批规则' },
        day: { closed: '日结' },
        backup: { restored: '从备份恢复' },
        sync: { resumed: '店长恢复同步' },
        training: { practice_reset: '重置练习' },
        print: { reprinted: '重印小票' },
        storeLink: {
          paired: '已与门店主机配对',
          policySet: '修改门店设置（未与门店核对的核销）',
          uncheckedRefused: '主机无响应且超过门店上限：拒绝核销',
          conflictResolved: '两台收银台重复核销：已处理'
        },
        storeHub: { role_changed: '更改门店主机角色', till_revoked: '从门店主机移除收银台' },
        chainLink: { enrolled: '已登记到总部' }
      },
      summary: {
        approvalRules: '高面值、折扣比例、每位顾客每日张数或离线限额已修改',
        created: '券码 {{code}}，优惠 {{amount}}，{{how}}',
        online: '已在线确认',
        offline: '离线记录',
        voided: '券码 {{code}}；原因：{{reason}}',
        syncProblem: '券码 {{code}}：{{reason}}',
        resolved: '券码 {{code}}：{{outcome}}',
        dayClosed: '{{day}} 的第 {{number}} 号 Z 报表：{{count}} 笔核销，优惠 {{amount}}',
        restored: '备份文件 {{file}}',
        staffCreated: '{{name}}（{{role}}）',
        signInFailed: '连续输错 {{n}} 次 PIN',
        practiceReset: '{{count}} 笔练习核销已撤销，所有培训券码可重新使用',
        reprinted: '重印{{what}}',
        reprintSlip: '券码 {{code}} 的核销凭证',
        reprintZ: '第 {{number}} 号 Z 报表',
        settings: {
          setup: '门店和连接设置',
          mode: '培训/正式模式切换',
          devices: '扫码设备设置',
          printer: '小票打印机设置',
          policy: '离线和审批规则',
          other: '设置'
        }
      },
      fields: {
        unverifiedLimitFen: '主机无响应时的门店上限',
        beforeLimitFen: '原上限',
        version: '版本',
        amountFen: '优惠金额',
        limitFen: '门店上限',
        otherTill: '先核销的收银台',
        highValueFen: '高面值门槛',
        maxDiscountShareOfBill: '优惠占账单上限（%）',
        velocityMaxPerDay: '每位顾客每日张数',
        maxFaceValueFen: '离线单张面值上限',
        maxPerBusinessDay: '离线每日笔数上限',
        allowUnknownCards: '允许未知券种',
        managerOverride: '店长可越过限额',
        code: '券码',
        cardId: '卡券',
        discountFen: '优惠金额',
        billFen: '账单金额',
        online: '在线确认',
        approvedBy: '批准人',
        reason: '原因',
        previousStatus: '之前的状态',
        backup: '备份文件',
        backupAt: '备份时间',
        movedAsideTo: '原文件另存为',
        onStart: '启动时',
        name: '姓名',
        role: '角色',
        failures: '连续输错次数',
        cleared: '撤销的练习核销',
        cancelled: '其中尚未同步的',
        outboxSeq: '队列序号',
        businessDay: '营业日',
        number: 'Z 报表号',
        count: '核销笔数',
        openItems: '未完成的核销',
        afterClose: '日结后',
        status: '状态',
        outcome: '处理结果',
        note: '备注',
        storeName: '门店名称',
        stationName: '收银台名称',
        timeZone: '时区',
        cutoff: '营业日切换时间',
        storeLocationId: '微信门店 ID',
        baseUrl: '接口地址',
        appId: 'AppID',
        secretsChanged: '修改了密钥'
      }
    },
    backups: {
      now: '立即备份',
      done: '备份完成：{{file}}',
      failed: '备份失败：{{error}}',
      directory: '备份位置',
      nextDue: '下次自动备份：{{at}}',
      interval: '自动备份间隔（小时）',
      keep: '保留天数',
      save: '保存设置',
      saved: '设置已保存',
      at: '时间',
      file: '文件',
      size: '大小',
      kind: '类型',
      restore: '恢复',
      restoreTitle: '恢复备份 {{file}}？',
      restoreBody:
        '当前数据库会被移到一旁保存（不会删除），再换成这个备份。备份之后的核销不会出现在恢复后的数据中，需要与微信核对。',
      typeDate: '请输入备份日期 {{date}} 以确认',
      restored: '已恢复。原数据库保存在 {{path}}',
      empty: '还没有备份。',
      verified: '已校验',
      reason: { day_close: '日结', schedule: '定时', manual: '手动', unknown: '未知' }
    },
    errors: {
      DAY_ALREADY_CLOSED: '这一天已经日结过了，同一营业日只能日结一次',
      DAY_NOT_STARTED: '这个营业日还没有开始，不能日结',
      NOT_A_CONFLICT: '这笔核销不是冲突或拒绝，无需处理',
      ALREADY_RESOLVED: '这笔已经处理过了',
      CONFIRMATION_MISMATCH: '输入的日期与备份日期不符，没有做任何改动',
      BACKUP_NOT_FOUND: '找不到这个备份',
      BACKUP_UNUSABLE: '这个备份已损坏，不能恢复',
      RESTORE_FAILED: '恢复失败，已换回原来的数据库',
      TRAINING_ONLY: '只有培训模式可以这样做',
      Z_REPORT_UNREADABLE: '这份 Z 报表的存档已损坏，无法读取',
      DAY_NOT_OVER: '本营业日尚未结束，请确认提前日结',
      PDF_FAILED: '打印 Z 报表没有生成 PDF，未保存任何文件'
    }
  },
  storeHub: {
    title: '门店主机',
    intro:
      '一家门店有两台或更多收银台时，由一台收银台运行门店主机：即使断网，同一张券也不会在两台收银台核销。',
    roleLabel: '本收银台',
    roles: {
      single: '单台收银（不用门店主机）',
      hub: '本机是门店主机（主机）',
      join: '本机连接门店主机（副机）'
    },
    roleHelp: {
      single: '本店只有这一台收银台核销卡券。',
      hub: '本机运行门店主机；本店其他收银台用这里显示的配对码连接。',
      join: '输入主机上显示的地址和配对码。'
    },
    choose: '使用此角色',
    changing: '正在切换…',
    confirmHubTitle: '把本机设为门店主机？',
    confirmHubBody:
      '本机将启动新的门店主机。如果原来有别的主机，请把它改为副机，然后让其他收银台重新与本机配对。',
    confirmLeaveTitle: '停止本机的门店主机？',
    confirmLeaveBody: '在另一台收银台成为主机并重新配对之前，其他收银台将无法连接门店主机。',
    confirmOk: '确定切换',
    cancel: '取消',
    state: {
      starting: '门店主机正在启动…',
      running: '门店主机运行中',
      failedStart: '门店主机无法启动：正在重试',
      restarting: '门店主机意外停止：正在重新启动',
      stopped: '门店主机已停止'
    },
    retryIn: '{{seconds}} 秒后重试',
    restarts: '已重启 {{n}} 次',
    reason: {
      HUB_NOT_AVAILABLE: '这个版本的收银台无法运行门店主机。请把另一台收银台设为主机。',
      HUB_EXITED: '门店主机意外停止。',
      HUB_START_FAILED: '门店主机无法启动。',
      HUB_LISTEN_FAILED: '它的网络端口被占用（其他程序，或仍在运行的主机）。请关闭该程序或重启电脑。',
      HUB_DATA_DIR_UNREACHABLE:
        '门店主机无法使用它的数据文件夹（数据库账户没有权限）。请把收银台数据放到共享文件夹。',
      HUB_ALREADY_RUNNING: '这台电脑上还有另一个门店主机在运行。请先停止它。',
      HUB_STORE_MISMATCH: '主机数据属于另一家门店。',
      HUB_DB_TOO_NEW: '主机数据来自更新的版本。请更新本机的应用。',
      HUB_MIGRATION_FAILED: '主机数据升级失败，数据保持原样。请联系技术支持。',
      PG_BINARIES_MISSING: '缺少数据库程序。请重新安装应用。',
      PG_BINARIES_UNUSABLE: '数据库程序无法在这台电脑上运行。请重新安装应用。',
      PG_USER_UNAVAILABLE: '无法创建数据库账户。请联系技术支持。',
      PG_INIT_FAILED: '无法创建主机数据库。请检查磁盘剩余空间。',
      PG_START_FAILED: '主机数据库未能启动。请检查磁盘剩余空间，或重启电脑。',
      HUB_BAD_ARGUMENT: '门店主机设置无效。请联系技术支持。',
      other: '门店主机无法启动。'
    },
    addressesLabel: '其他收银台要输入的地址',
    addressesHelp: '在每台其他收银台：设置 → 门店主机 → “本机连接门店主机”，然后输入这个地址和配对码。',
    codeLabel: '配对码',
    codeValid: '只能用一次，{{time}} 前有效',
    codeNone: '还没有配对码',
    newCode: '生成新配对码',
    tillsLabel: '已与本主机配对的收银台',
    tillsNone: '还没有收银台配对',
    tillSelf: '本机',
    tillPaired: '{{time}} 配对',
    tillRevoked: '{{time}} 已移除',
    revoke: '移除',
    revokeTitle: '把 {{name}} 从门店主机移除？',
    revokeBody: '该收银台在重新配对之前，将不再与门店核对卡券。',
    join: {
      address: '主机地址',
      addressHelp: '与主机上显示的一致，例如 192.168.1.20:7420',
      code: '配对码',
      codeHelp: '8 位字母和数字，例如 ABCD-EFGH',
      submit: '与门店主机配对',
      pairing: '正在配对…',
      find: '在网络中查找主机',
      finding: '正在查找门店主机…',
      found: '在网络中找到（请选择）：',
      noneFound: '网络中没有门店主机应答；请输入主机上显示的地址。',
      paired: '已与 {{address}} 的门店主机配对',
      notPaired: '还没有与门店主机配对',
      badCode: '配对码是 8 位字母和数字，例如 ABCD-EFGH',
      badAddress: '请输入主机地址，例如 192.168.1.20:7420'
    },
    link: {
      connected: '已连接门店主机',
      degraded: '门店主机没有应答；卡券只按本机记录核对',
      repair: '门店主机已更换：请用新的配对码重新配对',
      not_paired: '未配对'
    },
    refused: {
      PAIRING_CODE_INVALID: '配对码错误、已用过或已过期。请在主机上生成新的配对码后重新输入。',
      PAIRING_LOCKED: '错误次数太多：配对暂停几分钟。请稍候，再用新的配对码。',
      STORE_MISMATCH: '该门店主机属于另一家门店。请检查地址。',
      other: '门店主机拒绝了配对。请在主机上生成新的配对码后重试。'
    }
  },
  errors: {
    LOCKED: '收银台已锁定，请输入 PIN 解锁',
    WRONG_PIN: 'PIN 不正确，请重新输入',
    PIN_LOCKED: '输错次数过多，已暂时锁定，请 {{seconds}} 秒后再试',
    UNKNOWN_STAFF: '找不到这位员工，请重新选择',
    NOT_A_MANAGER: '这位员工不是店长，不能批准',
    BAD_PIN: 'PIN 必须是 4 到 8 位数字',
    STAFF_EXISTS: '已经有同名的员工',
    STAFF_INACTIVE: '这位员工已被停用，不能登录或操作。请联系店长恢复。',
    LAST_MANAGER: '这是最后一位在职店长，不能停用或改为收银员。请先把另一位员工设为店长。',
    PIN_UNCHANGED: '新 PIN 与现在的 PIN 相同，请换一个',
    RESET_OWN_PIN: '不能重置自己的 PIN，请用“更改我的 PIN”（需要现在的 PIN）',
    ALREADY_SET_UP: '店长账号已经存在，请直接登录',
    APPROVAL_INVALID: '店长批准已过期或不属于这次扫码，请重新请店长确认',
    MANAGER_PIN_REQUIRED: '此次核销需要店长输入 PIN',
    CARD_NOT_PICKED: '请先选择这是哪种券，再核销',
    NOT_REDEEMABLE: '此券现在不能核销',
    CONFIRM_WARNINGS: '请先确认上面的提示',
    DUPLICATE: '此券刚刚已在本机核销，请重新扫码查看详情',
    STORE_HUB_UNREACHABLE: '门店主机在此地址没有响应，请检查地址并确认主机已开启',
    STORE_PAIRING_REFUSED: '门店主机拒绝了配对码，请在主机上获取新的配对码后重新输入',
    STORE_HUB_IS_HUB: '本机就是门店主机；要连接其他主机，请先选择“本机连接门店主机”',
    STORE_HUB_BAD_ADDRESS: '这不是主机地址；请按主机上显示的输入，例如 192.168.1.20:7420',
    STORE_HUB_REVOKE_SELF: '主机不能移除自己',
    STORE_HUB_NOT_RUNNING: '本机的门店主机还没有运行；请等到显示“运行中”',
    STORE_HUB_ADMIN_REFUSED: '门店主机拒绝了请求；请重启收银台后重试',
    CHAIN_HUB_UNREACHABLE: '总部服务器在此地址没有响应，请检查地址和网络',
    CHAIN_ENROLMENT_REFUSED: '总部服务器拒绝了登记码，请向总部索取新的登记码后重新输入',
    CHAIN_DUPLICATE: '重复使用！此券已于 {{time}} 在{{store}}的{{station}}由{{cashier}}核销，请勿再次核销',
    STORE_DUPLICATE: '重复使用！此券已于 {{time}} 在{{station}}由{{cashier}}核销，请勿再次核销',
    DB_DAMAGED: '数据库已损坏，已停止写入，数据未改变。请店长恢复最新的完好备份',
    LOOKUP_EXPIRED: '这次扫码已过期，请重新扫码',
    SCAN_EXPIRED: '这次扫码已过期，请重新扫码',
    ALREADY_VOIDED: '这笔核销已经撤销过了',
    VOID_SYNCED: '这笔核销已经同步到微信，不能在本机撤销',
    VOID_IN_FLIGHT: '这笔核销正在发送给微信，请稍后再试撤销',
    SETUP_SECRET_MISSING: '还没有填写 AppSecret，请在“连接”一步填写',
    SETUP_NOT_LIVE_READY: '设置还不完整，暂时不能切换到正式模式，请先完成并测试连接',
    BAD_DEVICE_CONFIG: '设备设置有误，请检查标红的项目',
    DEVICES_FAILED: '扫码设备没能启动，请到“设备”页面检查',
    BAD_PRINTER_CONFIG: '打印机设置有误，请检查地址、端口或串口',
    PRINTER_NOT_CONFIGURED: '这台收银台还没有设置小票打印机，请店长在“设备 → 打印机”中添加',
    FORBIDDEN_SENDER: '这个窗口不能使用核销服务',
    DB_CORRUPT: '数据库文件已损坏，没有写入任何数据，请从最近的备份恢复',
    DB_UNREADABLE: '无法读取数据库文件，没有写入任何数据',
    DB_TOO_NEW: '数据库来自更新版本的核销台，请升级程序后再打开',
    DB_MIGRATION_FAILED: '数据库升级失败，已保持原样，请联系技术支持',
    UNKNOWN_CHANNEL: '核销服务还不支持这个操作，请更新程序',
    NOT_FOUND: '找不到这条记录',
    DISCONNECTED: '与核销服务的连接已断开，正在重连…',
    BAD_REQUEST: '请求无效',
    FORBIDDEN: '只有店长可以执行此操作',
    NOT_SIGNED_IN: '请先登录',
    INTERNAL: '系统出错，已记录，数据未改变',
    STORE_UNCHECKED_OVER_LIMIT:
      '未核销！门店主机没有响应，本券优惠 {{amount}}，超过门店规定的未核对上限 {{limit}}。请顾客稍候再扫码，或请店长处理',
    STORE_NOT_PAIRED: '这台收银台没有与门店主机配对',
    STORE_POLICY_STALE: '另一位店长刚修改了门店设置，已显示最新设置；请核对后再保存',
    STORE_HUB_REFUSED: '门店主机拒绝了这个操作；如果一再出现，请重新配对这台收银台',
    unknown: '出错了：{{message}}'
  },
  setup: {
    reminder: {
      title: '这台核销台还没有完成首次设置',
      body: '请设置门店名称、收银台名称、微信卡券连接和核销规则。设置完成前是培训模式，可以先用培训券练习。',
      open: '去设置'
    },
    title: '设置',
    titleFirstRun: '首次设置',
    steps: { store: '门店', upstream: '连接', policy: '审批与离线规则', done: '完成' },
    back: '上一步',
    next: '下一步',
    store: {
      storeName: '门店名称',
      storeLocationId: '微信门店 ID（POI）',
      storeLocationIdHelp: '公众平台门店管理中的数字 ID；限定门店的卡券会核对它。暂时没有可留空。',
      stationName: '收银台名称',
      timeZone: '时区',
      timeZoneHelp: 'IANA 时区名，例如 Asia/Shanghai',
      cutoff: '营业日切换时间',
      cutoffHelp: '格式 HH:mm，例如 04:00：凌晨 4 点前的核销计入前一营业日'
    },
    upstream: {
      training: '培训（内置沙箱）',
      wechat: '微信直连',
      tokenService: '令牌服务',
      trainingHelp: '使用内置沙箱练习，不会影响任何真实卡券。',
      wechatHelp: '用公众号的 AppID 和 AppSecret 直接连接微信卡券接口；本机公网 IP 需在 IP 白名单中。',
      tokenServiceHelp: '由连锁总部的令牌服务提供 access token（连锁门店推荐：AppSecret 不存放在收银台上）。',
      appId: 'AppID',
      appSecret: 'AppSecret',
      secretSet: '已设置；留空则保留原值',
      secretNotSet: '未设置',
      baseUrl: '接口地址（可选）',
      baseUrlHelp: '留空即 https://api.weixin.qq.com；只有代理时才填写（必须 https）',
      url: '令牌服务地址',
      stationKey: '收银台密钥（可选）',
      test: '测试连接',
      found: '连接成功：找到 {{count}} 张卡券'
    },
    rules: {
      title: '审批规则',
      intro:
        '正式模式下核销台在线和离线都按这些规则判断：超过门槛时需要店长 PIN 或确认。正式模式下保存后立即生效，并记入操作日志；培训模式使用自己的练习规则。',
      highValue: '高面值门槛',
      highValueHelp: '面值达到这个金额的券，核销前需要店长输入 PIN。',
      maxShare: '优惠占账单的上限',
      maxShareHelp: '优惠超过本单消费的这个比例时，收银员需要再确认一次（合规要求不超过 50%）。',
      velocity: '每位顾客每日张数',
      velocityHelp: '同一位顾客当天已核销这么多张后再核销时提醒收银员；0 表示不检查。',
      offlineTitle: '离线规则'
    },
    policy: {
      intro:
        '连不上微信时，核销台按这些规则决定是否允许离线核销。离线核销标记为"待同步"，恢复连接后自动发送。这些是正式模式的规则：从安全的默认值开始，不会沿用培训模式的练习设置。',
      maxFaceValue: '单笔离线核销最高面值',
      maxFaceValueHelp: '超过此面值的券离线时需店长 PIN（或直接拒绝）；0 表示所有金额券都需要。',
      maxPerDay: '每个营业日离线核销笔数上限',
      maxPerDayHelp: '达到上限后再离线核销需店长 PIN（或直接拒绝）。',
      allowUnknown: '允许未知卡券',
      allowUnknownHelp:
        '券所属卡券没有缓存时，允许收银员从本店有效卡券中选择后离线核销；正式模式下每笔需店长输入 PIN 确认。',
      managerOverride: '超限时允许店长放行',
      managerOverrideHelp: '开启：超限时店长输入 PIN 可放行；关闭：超限直接拒绝。'
    },
    stepProblems: '这一步还有需要改正的地方（见上方红字）。',
    invalid: {
      storeName: '请填写门店名称（最多 60 个字）。',
      storeLocationId: '门店编号只能是数字（微信门店 ID），不知道可以留空。',
      stationName: '请填写收银台名称（最多 40 个字）。',
      timeZone: '不是可识别的时区名称，请填写如 Asia/Shanghai。',
      cutoff: '日结时间请按“时:分”填写，如 04:00。',
      appId: 'AppID 应以 wx 开头，后面是 16 位字母或数字，如 wx1234567890abcdef。',
      appSecret: '请填写 AppSecret（最多 200 个字符）。',
      baseUrl: '接口地址不对：请填写完整的 https 地址，或留空使用微信官方地址。',
      url: '令牌服务地址不对：请填写完整的 https 地址。',
      stationKey: '请填写收银台密钥（最多 200 个字符）。',
      other: '这一项的设置不对，请检查。'
    },
    done: {
      save: '保存设置',
      saved: '设置已保存',
      appliedLive: '已立即生效：接下来的查询、核销同步和卡券更新都使用新的连接，无需重启。',
      appliedAtGoLive: '培训模式仍使用内置沙箱；这个微信连接在切换到正式模式并重启核销台后使用。',
      fix: '请先修正以下内容：',
      plainSecrets: '注意：本机没有系统钥匙串，密钥以未加密文件保存在数据目录中，请保护好该目录。',
      liveTitle: '切换到正式模式',
      liveBody: '切换后需要重启核销台；正式模式使用全新的数据库，培训数据（包括员工账号）不会带入。',
      goLiveUntestedTitle: '连接测试没有通过，仍要切换到正式模式吗？',
      goLiveFailedBody:
        '刚才的连接测试失败了。切换后核销台会连不上微信卡券，只能离线核销。建议先回到第 2 步修好连接并测试通过。',
      goLiveUntestedBody:
        '这个连接还没有测试过。切换后如果连不上微信卡券，只能离线核销。建议先回到第 2 步测试连接。',
      goLiveAnyway: '仍然切换到正式模式',
      goLiveBack: '返回，先测试连接',
      goLive: '切换到正式模式'
    }
  },
  reasons: {
    ALREADY_REDEEMED_LOCAL: '此券已核销过{{timePart}}{{stationPart}}{{cashierPart}}',
    QUEUED_IN_OUTBOX: '此券已核销过{{timePart}}{{stationPart}}{{cashierPart}}，正在等待同步到微信',
    UPSTREAM_CONSUMED: '微信显示此券已被核销过（可能在其他门店或其他收银台）',
    EXPIRED: '此券已过期{{untilPart}}，不能使用',
    NOT_YET_VALID: '此券还没到可用时间{{fromPart}}',
    GIFTING: '顾客正在把此券转赠给朋友，转赠完成或退回前不能使用',
    GIFT_TIMEOUT: '此券转赠超时，正在退回顾客，请稍后再扫',
    DELETED_BY_USER: '顾客已把此券从微信卡包中删除',
    UNAVAILABLE: '此券已被商户设为失效',
    UNKNOWN_CODE: '此券码无效：微信查不到它（可能未被领取、已转赠他人，或券种选错了）',
    INVALID_USER_CARD_STATE: '此券已被删除、正在转赠、已过期或已失效，不能使用',
    UNKNOWN_USER_CARD_STATUS: '微信返回了无法识别的券状态{{statusPart}}，不能核销',
    CANNOT_CONSUME: '微信表示此券现在不能核销',
    UPSTREAM_ERROR: '微信返回错误{{errcodePart}}，请稍后重试',
    STATUS_NOT_CHECKED: '还没有查到此券在微信的状态，请重扫',
    CARD_MISMATCH: '这个券码属于另一种券，与所选的券种不符',
    CARD_DELETED: '此券种已被商户删除，不能核销',
    CARD_DETAILS_MISSING: '本机还没有此券的券种信息，请重试或选择券种',
    UNREADABLE_CARD: '券种信息无法识别，不能核销{{detailPart}}',
    MEMBER_CARD_NOT_REDEEMABLE: '这是会员卡，只能查看，不能核销',
    UNKNOWN_CARD_TYPE: '本机不认识这种券{{cardTypePart}}，请核对券面内容后再核销',
    VALIDITY_FROM_RECEIPT: '此券有效期从领取日起算{{daysPart}}，本机无法确认，请看顾客手机上的有效期',
    OUTSIDE_HOURS: '此券只能在 {{hours}} 使用，现在不在可用时段',
    WRONG_WEEKDAY: '此券只能在 {{weekdays}} 使用，今天不能用',
    WRONG_STORE: '此券仅限指定门店使用{{storesPart}}，本店不在其中',
    STORE_NOT_CONFIGURED: '此券仅限指定门店使用{{storesPart}}，本机未设置门店编号，请确认本店可用',
    NEEDS_BILL_AMOUNT: '请输入本单消费金额{{minSpendFenPart}}',
    INVALID_BILL_AMOUNT: '消费金额无效，请重新输入',
    BELOW_MIN_SPEND: '消费满 {{minSpendFen}} 才能用此券，本单只有 {{billFen}}',
    NO_CHANGE_GIVEN: '券面额 {{faceValueFen}} 大于消费金额 {{billFen}}，差额 {{changeFen}} 不找零',
    NO_STACKING: '此券不能与其他优惠同时使用，本单已有其他优惠',
    HIGH_VALUE: '高价值券（{{faceValueFen}}），请核对顾客身份',
    OVER_HALF_OF_BILL: '优惠 {{discountFen}} 超过消费金额 {{billFen}} 的 {{percent}}%',
    VELOCITY: '这位顾客今天已核销 {{count}} 张券，请留意',
    OFFLINE: '网络断开：此次核销先记在本机，联网后同步到微信（待同步）',
    OFFLINE_FACE_VALUE_CAP: '网络断开时，单张券最多 {{limitFen}}，此券 {{faceValueFen}}',
    OFFLINE_DAILY_CAP: '网络断开时，每个营业日最多离线核销 {{max}} 张{{dayPart}}，已达上限',
    OFFLINE_UNKNOWN_CARD: '网络断开，本机没有此券的券种信息',
    OFFLINE_PICK_CARD: '网络断开，本机不知道这个券码属于哪种券：请从列表中选择顾客出示的券，并请店长确认',
    OFFLINE_PICKED_CARD: '网络断开，券种由收银员选择，微信未确认：需店长输入 PIN',
    OFFLINE_NO_CARDS: '网络断开，本机不认识这个券码，也没有保存任何券种，不能核销；请联网后再扫',
    ENCRYPTED_CODE_OFFLINE: '这是加密券码，网络断开时无法解码；请顾客打开卡券出示券码二维码',
    CUSTOM_CODE_CARD_NEEDED: '微信不认识这个券码。如果它是商户自定义券码，请选择所属券种；否则此券码无效',
    STATION_SETTINGS_INVALID: '收银台设置有误{{detailPart}}，请联系店长',
    RULES_ERROR: '检查此券时出错，不能核销，请联系店长'
  },
  reasonWords: { unknown: '未知' },
  reasonParts: {
    ALREADY_REDEEMED_LOCAL: {
      time: '：{{time}}',
      station: '，收银台：{{station}}',
      cashier: '，收银员 {{cashier}}'
    },
    QUEUED_IN_OUTBOX: {
      time: '：{{time}}',
      station: '，收银台：{{station}}',
      cashier: '，收银员 {{cashier}}'
    },
    EXPIRED: {
      until: '（有效期至 {{until}}）'
    },
    NOT_YET_VALID: {
      from: '，{{from}} 起可用'
    },
    UNKNOWN_USER_CARD_STATUS: {
      status: '“{{status}}”'
    },
    UPSTREAM_ERROR: {
      errcode: '（错误码 {{errcode}}）'
    },
    UNREADABLE_CARD: {
      detail: '（{{detail}}）'
    },
    UNKNOWN_CARD_TYPE: {
      cardType: '（{{cardType}}）'
    },
    VALIDITY_FROM_RECEIPT: {
      days: '（{{days}} 天）'
    },
    WRONG_STORE: {
      stores: '（门店编号 {{stores}}）'
    },
    STORE_NOT_CONFIGURED: {
      stores: '（门店编号 {{stores}}）'
    },
    NEEDS_BILL_AMOUNT: {
      minSpendFen: '（满 {{minSpendFen}} 可用）'
    },
    OFFLINE_DAILY_CAP: {
      day: '（营业日 {{day}}）'
    },
    STATION_SETTINGS_INVALID: {
      detail: '（{{detail}}）'
    }
  },
  wechat: {
    errcodeUnknown: '微信返回错误 {{errcode}}',
    withCode: '{{text}}（{{errcode}}）',
    statusUnknown: '券状态：{{status}}',
    errcode: {
      40001: '访问令牌无效或已被替换',
      40002: '令牌请求参数错误',
      40013: 'AppID 不正确，请检查设置',
      40014: '访问令牌不合法',
      40056: '券码无效：未被领取、已转赠，或自定义码缺少/错配卡券',
      40066: '接口地址不正确，请检查设置',
      40071: '会员卡不能核销',
      40073: '卡券 ID 无效或不属于本公众号',
      40075: '加密券码无效',
      40078: '卡券状态不可用（未审核或已删除）',
      40079: '券不在可用时间内',
      40097: '请求参数错误',
      40099: '此券已被核销',
      40116: '券码不合法',
      40125: 'AppSecret 不正确，请检查设置',
      40127: '券已被用户删除、转赠中、已过期或已失效',
      40164: '本机 IP 不在公众号 IP 白名单中',
      40243: 'AppSecret 已被冻结',
      41001: '缺少访问令牌',
      41002: '缺少 AppID',
      41004: '缺少 AppSecret',
      41011: '缺少必填字段',
      41012: '缺少卡券 ID',
      42001: '访问令牌已过期',
      43001: '需要 GET 请求',
      43002: '需要 POST 请求',
      43009: '无自定义券码权限',
      44002: '请求内容为空',
      45009: '今日接口调用次数已用完，明天恢复（或由管理员清零配额）',
      45011: '调用太频繁，下一分钟再试',
      45030: '该卡券无接口权限',
      47001: '请求格式错误',
      48001: '公众号未获得此接口权限（卡券功能未开通？）',
      50002: '公众号受限（冻结或注销）',
      61500: '日期格式错误',
      61501: '日期范围错误',
      89501: '新 IP 调用待管理员确认',
      89503: '新 IP 调用待管理员确认',
      89506: '管理员拒绝了此 IP（24 小时）',
      89507: '管理员拒绝了此 IP（1 小时）',
      '-1': '微信系统繁忙，请稍后再试'
    },
    status: {
      EXPIRE: '券已过期',
      GIFTING: '券正在转赠给朋友',
      GIFT_TIMEOUT: '券转赠超时',
      DELETE: '券已被用户删除',
      UNAVAILABLE: '券已被商户设为失效'
    },
    syncReason: {
      used_elsewhere: '微信显示此券已在别处先被核销（其他门店或其他方式）',
      card_mismatch: '微信上的卡券与收银员离线选择的不一致，未向微信核销',
      card_mismatch_consumed: '已向微信核销，但微信上的卡券与记录的不一致',
      consumed_unverified:
        '微信显示此券已核销，但本机的核销请求未收到明确答复，无法确认是本机核销还是别处先核销，请店长核实',
      not_yet_valid: '核销时此券尚未生效（早于券的开始时间），未向微信核销',
      expired_when_redeemed: '核销时此券已过期（晚于券的结束时间），未向微信核销',
      cannot_consume: '微信显示此券当前不可核销，未向微信核销'
    }
  },
  scanReject: {
    EMPTY: '未读到任何内容，请重新扫码。',
    TOO_LONG: '内容过长（卡券码最多 {{max}} 位），请核对后重新扫码。',
    BINARY_GARBAGE: '收到无法识别的乱码，请检查扫码枪的接口设置（模式、波特率）后重新扫码。',
    IME_MANGLED: '扫码结果含有中文，可能是中文输入法拦截了扫码。请切换到英文输入法后重新扫码。',
    NON_ASCII: '含有卡券码中不会出现的字符，请核对后重新扫码或手动输入。',
    INVALID_CHARACTERS: '卡券码只能包含数字、字母、“-”和“_”，请核对后重新扫码。',
    MALFORMED_URL: '链接格式有误，无法读取卡券码。',
    URL_WITHOUT_CODE: '该链接中没有卡券码（code 或 encrypt_code）。',
    BAD_ENCRYPT_CODE: '加密卡券码（encrypt_code）格式有误。',
    BAD_CARD_ID: '链接中的卡券 ID（card_id）格式有误。',
    FRAME_OVERFLOW: '扫码数据超过 {{max}} 字节仍未结束，请检查扫码枪的结束符（后缀）设置。'
  },
  exportFile: {
    fileName: { base: '核销明细', training: '_培训' },
    title: {
      heading: '核销汇总 {{from}} 至 {{to}}',
      headingTraining: '核销汇总 {{from}} 至 {{to}}（培训数据）',
      zone: '时区 {{zone}}；生成于 {{at}}'
    },
    sheet: { totals: '汇总', rows: '核销明细' },
    column: {
      businessDay: '业务日期',
      redeemedAt: '核销时间',
      code: '券码',
      coupon: '券名称',
      cardType: '券类型',
      cardId: '卡券ID',
      cashier: '收银员',
      station: '收银台',
      bill: '消费金额(元)',
      discount: '优惠金额(元)',
      payable: '应付金额(元)',
      faceValue: '面值(元)',
      channel: '方式',
      syncStatus: '同步状态',
      counted: '计入合计',
      statusReason: '状态原因',
      settledAt: '同步时间',
      approvedBy: '审批店长',
      voidedAt: '作废时间',
      voidReason: '作废原因',
      resolution: '处理结果',
      resolutionNote: '处理说明',
      resolvedBy: '处理人',
      customer: '顾客(脱敏)',
      recordId: '记录编号'
    },
    totalsHeader: {
      section: '项目',
      name: '名称',
      count: '笔数',
      discount: '优惠金额(元)',
      bill: '消费金额(元)',
      payable: '应付金额(元)'
    },
    section: {
      totals: '合计（不含已作废）',
      status: '按同步状态',
      stale: '其中同步超时',
      voided: '已作废（不计入合计）',
      card: '按券',
      type: '按券类型',
      cashier: '按收银员',
      channel: '在线/离线',
      hour: '按小时'
    },
    channel: { online: '在线', offline: '离线' },
    counted: { yes: '是', no: '否' }
  },
  connectionTest: {
    BAD_APP_ID: 'AppID 无效（40013）：请核对公众号的 AppID（以 wx 开头，共 18 位）。',
    BAD_APP_SECRET: 'AppSecret 不正确（40125）：请在公众平台「设置与开发 → 基本配置」核对或重置 AppSecret。',
    IP_NOT_WHITELISTED:
      '本机出口 IP 不在公众号的 IP 白名单中（40164）：请在公众平台把门店的公网 IP 加入白名单，或改用令牌服务。',
    NO_CARD_PERMISSION: '该公众号没有卡券接口权限（48001）：请确认已开通卡券功能并完成微信认证。',
    TIMEOUT: '连不上服务器（超时）：请检查网络和服务地址。',
    NETWORK: '连不上服务器（网络错误）：请检查网络和服务地址。',
    REFUSED: '连接失败：{{text}}（错误码 {{errcode}}）',
    FAILED: '连接失败：服务器的答复无法使用，请稍后重试或检查服务地址。',
    UNREACHABLE: '连不上服务器：请检查网络和服务地址。'
  },
  goLive: {
    restartsItself: '已切换到正式模式。核销台将在几秒后自动重启，并使用全新的正式数据库，培训数据不会带入。',
    restartYourself: '已切换到正式模式。请重启核销台：重启后使用全新的正式数据库，培训数据不会带入。'
  },
  startup: {
    damaged: {
      message: '数据库已损坏，无法启动。',
      latestBackup: '最新的完好备份：{{at}}',
      movedAside: '损坏的文件会移到一旁保存，不会删除；备份之后的核销需要与微信核对。',
      restore: '恢复此备份',
      quit: '退出'
    }
  },
  trainingScenario: {
    CASH_NO_THRESHOLD: {
      title: '无门槛代金券',
      description: '无门槛10元代金券：可直接核销。'
    },
    CASH_MIN_SPEND: {
      title: '满100减10',
      description: '满100减10：先输入账单金额（如120元），满100元即可核销。'
    },
    DISCOUNT_NEEDS_AMOUNT: {
      title: '7折券',
      description: '7折券：需输入账单金额，顾客支付70%（100元付70元）。'
    },
    GIFT: {
      title: '礼品券',
      description: '礼品券：兑换中杯美式咖啡一杯，没有金额。'
    },
    GROUPON: {
      title: '团购券',
      description: '团购券：双人午餐套餐，记录套餐内容。'
    },
    GENERAL_COUPON: {
      title: '优惠券',
      description: '优惠券：会员日专属优惠，记录优惠内容。'
    },
    NO_STACKING: {
      title: '不可叠加的券',
      description: '5元券，不与其他优惠同享：已有其他优惠时会提示。'
    },
    ALREADY_CONSUMED: {
      title: '已核销',
      description: '昨天已核销的券：必须显示“重复使用”警告。'
    },
    EXPIRED: {
      title: '已过期',
      description: '已过期的券：拒绝核销（过期券自动作废）。'
    },
    NOT_YET_VALID: {
      title: '未到使用日期',
      description: '3天后才生效的券：拒绝核销。'
    },
    OUTSIDE_HOURS: {
      title: '不在可用时段',
      description: '限时券，仅每天 {{hours}} 可用：当前时段拒绝核销。'
    },
    WRONG_STORE: {
      title: '非本店券',
      description: '仅限其他门店使用的券：本店拒绝核销。'
    },
    BELOW_MIN_SPEND: {
      title: '未达最低消费',
      description: '满300减30：输入低于300元的金额（如50元）时拒绝。'
    },
    BEING_GIFTED: {
      title: '转赠中',
      description: '正在转赠给好友的券：拒绝核销。'
    },
    GIFT_TIMEOUT: {
      title: '转赠超时',
      description: '转赠超时的券：拒绝核销，请顾客稍后再试。'
    },
    DELETED_BY_USER: {
      title: '已删除',
      description: '顾客已从卡包删除的券：拒绝核销。'
    },
    UNAVAILABLE: {
      title: '已失效',
      description: '商户已设为失效的券：拒绝核销。'
    },
    HIGH_VALUE: {
      title: '高面值券',
      description: '200元高面值券：需要店长PIN确认。'
    },
    MEMBER_CARD: {
      title: '会员卡',
      description: '会员卡：显示会员信息，不能核销。'
    },
    CUSTOM_CODE: {
      title: '自定义券码',
      description:
        '自定义券码（88开头）：微信不知道它属于哪张券，收银台会请你选择券种——选“合作方15元券”后即可核销。'
    },
    UNKNOWN_CODE: {
      title: '不存在的券码',
      description: '微信不认识的券码：本店有自定义券码的券，收银台会先请你选择券种；无论选哪种，都拒绝核销。'
    },
    NETWORK_DOWN: {
      title: '网络故障',
      description: '断网演练：扫码后沙箱断网20秒，收银台进入离线模式，按离线策略核销（待同步）。'
    }
  },
  storeDay: {
    scope: { thisTill: '本机', store: '全店' },
    title: '营业日 {{day}}',
    intro: '门店主机汇总的所有收银台。每台收银台仍各自日结、各自出 Z 报表。',
    waiting: '本机还有 {{n}} 笔核销没有送到门店主机，送到后会出现在这里。',
    latest: '门店主机已知的最新一笔核销：{{time}}',
    empty: '这一天全店还没有核销。',
    notPaired: '这台收银台没有与门店主机配对，只能显示本机的营业日。',
    byTill: '按收银台',
    column: {
      till: '收银台',
      count: '笔数',
      discount: '优惠',
      held: '未确认',
      voided: '已撤销（不计入）',
      cashiers: '收银员',
      hours: '首笔 – 末笔'
    },
    thisTill: '本机',
    total: '全店合计',
    heldNote: '“未确认”：收银台已向主机占用该券，但还没有确认核销完成。',
    cashierLine: '{{name}}：{{count}} 笔 · {{discount}}',
    zTitle: '全店 Z 报表',
    zPrint: '打印全店 Z 报表',
    zNote: '根据门店主机在 {{time}}（{{zone}}）的数据汇总全店。不会为任何收银台日结。',
    export: { csv: '导出 CSV', xlsx: '导出 Excel' },
    status: { held: '未确认', completed: '已核销', voided: '已撤销' },
    file: {
      base: '全店核销',
      heading: '全店 营业日 {{day}}',
      headingTraining: '全店 营业日 {{day}}（培训）',
      zone: '时区 {{zone}}；生成于 {{at}}',
      sheetByTill: '按收银台',
      sheetRows: '核销明细',
      column: {
        till: '收银台',
        cashier: '收银员',
        at: '核销时间',
        code: '券码',
        amount: '优惠（元）',
        status: '状态'
      },
      byTill: {
        till: '收银台',
        count: '笔数',
        discount: '优惠（元）',
        held: '未确认',
        voidedCount: '已撤销',
        voidedDiscount: '已撤销优惠（元）',
        total: '全店合计'
      }
    },
    policy: {
      title: '门店主机无响应时',
      intro:
        '连不上门店主机时，收银台无法与其他收银台核对。优惠不超过此金额的券仍可核销（标记为“未与门店核对”）；超过则收银台拒绝核销。本设置对全店所有收银台生效。',
      noLimit: '不限金额',
      refuseAll: '全部拒绝（¥0）',
      upTo: '不超过指定金额',
      amount: '最高优惠（元）',
      save: '保存到全店',
      saved: '已保存到门店主机，全店收银台立即生效',
      nowNoLimit: '当前：不限金额',
      nowRefuseAll: '当前：主机无响应时全部拒绝',
      nowUpTo: '当前：不超过 {{amount}}',
      setBy: '由 {{name}} 在 {{till}} 设置，{{time}}',
      neverSet: '尚未设置：不限金额',
      badAmount: '请输入以元为单位的金额，例如 20 或 20.50'
    },
    conflicts: {
      show: { open: '待处理', resolved: '已处理' },
      resolve: '标记为已处理',
      resolveTitle: '处理：两台收银台重复核销',
      note: '处理说明',
      notePlaceholder: '例如：顾客已现金补付 10 元；已告知 1号机',
      submit: '标记为已处理',
      resolved: '{{name}} 于 {{time}} 处理：{{note}}',
      done: '已标记为已处理',
      noneResolved: '还没有已处理的记录'
    },
    auditResolved: '券码 {{code}}，先在 {{till}} 核销'
  },
  /** The HQ page served by the chain hub (src/renderer/hq, docs/hq.md). */
  chainLinkSetup: {
    title: '总部',
    intro:
      '把本收银台的每笔核销发送到总部，总部可查看全部门店，并发现同一张券在两家门店被核销。发送记录不会让收银等待。',
    state: {
      not_enrolled: '尚未登记到总部',
      starting: '已登记，正在连接总部…',
      connected: '已连接总部',
      degraded: '暂时连不上总部：核销记录保存在本机，稍后自动发送',
      enrol_again: '总部拒绝了本收银台：请用新的登记码重新登记'
    },
    store: '总部登记的门店：{{name}}',
    address: '总部地址',
    addressHelp: '按总部提供的填写，例如 hq.example.com:7430',
    badAddress: '请填写总部提供的地址',
    code: '登记码',
    codeHelp: '总部为本门店生成，只能使用一次',
    badCode: '请填写总部提供的登记码',
    submit: '登记到总部',
    enrolAgain: '重新登记',
    enrolling: '正在登记…',
    enrolled: '已登记到总部：{{name}}',
    waiting: '{{count}} 条记录待发送',
    waitingNone: '没有待发送的记录',
    lastOk: '总部最近一次接收：{{time}}',
    lastOkNever: '总部尚未接收任何记录',
    lastError: '最近的问题：{{reason}}',
    reason: {
      UNREACHABLE: '总部没有响应（网络或地址问题）',
      BUSY: '总部繁忙，要求稍后再发',
      TOKEN_REVOKED: '总部已停用本收银台',
      TOKEN_UNKNOWN: '总部不认识本收银台',
      other: '总部拒收了记录'
    },
    refused: {
      ENROLMENT_CODE_INVALID: '登记码不正确、已使用或已过期：请向总部索取新的登记码',
      ENROLMENT_LOCKED: '登记码错误次数过多：总部已暂停此处的登记，请稍后再用正确的登记码',
      TILL_ID_TAKEN: '本收银台已登记在总部的另一家门店：请总部先在那里停用',
      STORE_UNKNOWN: '总部没有这家门店',
      other: '总部拒绝了登记：请向总部索取新的登记码'
    }
  },
  hq: {
    title: '核销台 · 总部',
    switchLanguage: 'English',
    signIn: {
      title: '总部登录',
      login: '账号',
      password: '密码',
      submit: '登录',
      required: '请输入账号和密码'
    },
    signOut: '退出登录',
    role: {
      hq_admin: '总部管理员',
      regional_viewer: '区域查看员（{{region}}）'
    },
    nav: {
      day: '营业日汇总',
      quiet: '失联门店',
      duplicates: '跨店重复核销',
      tills: '门店与收银台'
    },
    day: {
      date: '营业日',
      store: '门店',
      allStores: '全部门店',
      count: '核销笔数',
      amount: '优惠金额',
      voided: '已作废',
      byStore: '按门店',
      byTill: '按收银台',
      byCard: '按卡券',
      byHour: '按小时',
      hourLabel: '{{hour}} 时',
      badDate: '请按 2026-12-05 的格式输入日期',
      hourNote: '小时按各门店当地时间计',
      tillOf: '{{till}}（{{store}}）',
      empty: '该营业日没有核销记录',
      exportCsv: '导出 CSV',
      exportXlsx: '导出 Excel',
      totalLine: '共 {{count}} 笔，优惠合计 {{amount}}'
    },
    quiet: {
      threshold: '多久未收到数据算失联',
      minutes: '{{count}} 分钟',
      hours: '{{count}} 小时',
      lastEvent: '最后收到核销数据',
      lastSeen: '最后联系',
      never: '从未收到',
      queue: '收银台待上传',
      queueCount: '{{count}} 条',
      silentFor: '已 {{duration}}无消息',
      quietTag: '失联',
      okTag: '正常',
      zone: '门店时区',
      tills: '收银台',
      revokedTill: '已停用',
      none: '所有门店都在按时上传',
      summary: '{{quiet}} 家门店失联，共 {{total}} 家'
    },
    duplicates: {
      none: '没有发现跨店重复核销',
      title: '同一张券在两处核销',
      card: '卡券',
      code: '券码',
      foundAt: '发现时间',
      first: '第一次核销（有效）',
      second: '第二次核销（重复）',
      store: '门店',
      till: '收银台',
      cashier: '收银员',
      time: '核销时间（门店当地）',
      amount: '优惠金额',
      status: '状态',
      unknown: '未知',
      count: '共 {{count}} 起'
    },
    tills: {
      addStore: '添加门店',
      storeId: '门店编号',
      storeName: '门店名称',
      region: '区域',
      timeZone: '时区',
      save: '保存',
      makeCode: '生成登记码',
      codeTitle: '收银台登记码',
      codeOnce: '请立即抄下或发给门店，此码只显示这一次，只能使用一次。',
      validUntil: '{{time}} 前有效',
      close: '我已记下',
      revoke: '停用',
      revokeConfirm: '停用收银台“{{till}}”？停用后它不能再上传数据或获取微信令牌。',
      revokeOk: '停用',
      cancel: '取消',
      revoked: '已停用',
      active: '在用',
      enrolledAt: '登记时间',
      lastEvent: '最后上传',
      openCodes_one: '{{count}} 个登记码尚未使用',
      openCodes_other: '{{count}} 个登记码尚未使用',
      noTills: '尚无收银台',
      viewerNote: '只读：区域查看员不能登记或停用收银台',
      storeAdded: '门店已添加'
    },
    status: {
      pending: '待同步',
      synced: '已核销',
      conflict: '冲突待处理',
      rejected: '被微信拒绝',
      voided: '已作废',
      resolved: '已处理',
      other: '其他'
    },
    zone: {
      beijing: '北京时间',
      behind: '比北京时间慢 {{h}} 小时',
      ahead: '比北京时间快 {{h}} 小时'
    },
    duration: {
      minutes: '{{m}} 分钟',
      hours: '{{h}} 小时 {{m}} 分钟',
      days: '{{d}} 天 {{h}} 小时'
    },
    error: {
      SIGNED_OUT: '登录已过期，请重新登录',
      SIGNIN_FAILED: '账号或密码不正确',
      LOCKED: '密码错误次数过多，账号已锁定，请在 {{time}} 后再试',
      FORBIDDEN: '您的角色无权进行此操作',
      BAD_REQUEST: '填写的内容有误，请检查后重试',
      NOT_FOUND: '找不到该内容',
      STORE_EXISTS: '该门店编号已存在',
      STORE_UNKNOWN: '没有这家门店',
      TILL_UNKNOWN: '没有这个收银台',
      TOKEN_NOT_CONFIGURED: '总部尚未配置微信密钥',
      INTERNAL: '服务器出错，请稍后重试',
      network: '无法连接总部服务器，请检查网络'
    },
    export: {
      title: '{{date}} 营业日核销汇总',
      sheet: { totals: '汇总', redemptions: '核销明细' },
      section: { total: '合计', chain: '全部门店', store: '门店', card: '卡券' },
      column: {
        section: '类别',
        name: '名称',
        count: '笔数',
        voided: '作废',
        businessDate: '营业日',
        store: '门店',
        till: '收银台',
        cashier: '收银员',
        time: '核销时间（门店当地）',
        card: '卡券',
        code: '券码',
        amount: '优惠金额（元）',
        bill: '消费金额（元）',
        status: '状态'
      }
    }
  },
  /** Claims before committing at headquarters (docs/chain.md § Claims before committing). */
  chainClaim: {
    unchecked: '未经总部核对：总部没有及时响应，此券可能已在其他门店使用。记录送达总部后会自动核对',
    title: '核销前向总部核对',
    help: '每次核销前先询问总部此券是否已在其他门店使用。总部在等待时间内没有响应时，本机自行判断，并标记为“未经总部核对”。',
    enabled: '每次核销前询问总部',
    deadline: '最长等待总部（毫秒）',
    save: '保存',
    saved: '已保存',
    state: {
      on: '已开启：核销前向总部核对，最长等待 {{ms}} 毫秒',
      off: '未开启：只在记录送达总部后查找重复'
    }
  },
  // HQ's "gone quiet" threshold set on the hub (--quiet-after-minutes, docs/hq.md).
  hqQuietSetting: {
    seconds: '{{count}} 秒',
    secondsShort: '{{s}} 秒',
    hubSetting: '{{label}}（服务器设置）'
  }
}

export type Catalogue = typeof zhCN
