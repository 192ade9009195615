import type { Catalogue } from './zh-CN'

export const en: Catalogue = {
  /** Words printed on paper by the receipt printer (src/main/printer/documents.ts). */
  printPaper: {
    slipTitle: 'Redemption slip',
    reprint: 'REPRINT',
    reprintMark: '【REPRINT】',
    testRulerGlyph: '中',
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
    yuan: 'CNY {{amount}}',
    status: { synced: 'Synced', pending: 'Pending', conflict: 'Conflict', rejected: 'Rejected' }
  },
  app: {
    name: 'Hexiao Station',
    mode: { training: 'Training', live: 'Live' },
    trainingBanner: 'built-in sandbox, no real coupon is affected',
    trainingWord: 'TRAINING',
    version: 'Version {{version}}',
    language: 'Language',
    loading: 'Connecting to the station service…',
    damageTitle: 'DATABASE DAMAGED — redemptions and all changes are stopped',
    damageBody:
      'The stored records were not changed. A manager should restore the latest good backup (Day → Backups); no redemption is possible until then.'
  },
  shell: {
    schemaVersion: 'Database schema',
    timeZone: 'Store time zone',
    database: 'Database',
    databaseOk: 'OK ({{micros}} µs)',
    databaseDamaged: 'DAMAGED — changes stopped',
    databaseFailed: 'Unavailable: {{message}}',
    runtime: 'Runtime',
    runtimeElectron: 'Desktop app',
    runtimeHost: 'Browser (Node host)'
  },
  scan: {
    panel: {
      title: 'Scan test',
      intro: 'Scan a code with a scanner or the camera to check what is read.',
      lastScan: 'Last scan',
      source: 'Source',
      device: 'Device',
      raw: 'Raw content',
      count: 'Scans',
      none: 'Nothing scanned yet',
      testField: 'Test field',
      testFieldPlaceholder: 'Type here; scanned codes never land in this field'
    },
    source: {
      wedge: 'Keyboard scanner',
      camera: 'Camera',
      hid: 'USB HID scanner',
      serial: 'Serial scanner',
      manual: 'Typed in'
    },
    mangled: {
      ime: 'A Chinese input method garbled the scan. Switch to English input and scan again.'
    },
    camera: {
      toggle: 'Camera',
      view: 'Camera view',
      choose: 'Choose camera',
      status: {
        off: 'Camera is off',
        starting: 'Opening the camera…',
        running: 'Scanning: hold the coupon code up to the camera'
      },
      problem: {
        unsupported: 'This environment has no camera support.',
        noCamera: 'No camera found. Check that it is connected.',
        denied: 'No permission to use the camera. Allow it for this app in the system settings.',
        inUse: 'Another program is using the camera. Close it and try again.',
        failed: 'The camera could not be opened. Unplug it, plug it back in and try again.',
        decoderFailed: 'The code reader failed to load. Restart the app.'
      },
      hint: { closer: 'Hold the phone closer to the camera', level: 'Hold the phone level' }
    }
  },
  devices: {
    intro:
      'Scan a test code to see what arrives, then set up each kind of scanner. Changes apply when saved.',
    listProblem: {
      serialToolMissing:
        'Serial ports cannot be listed on this computer: the system tool udevadm (package udev) is missing. You can still type the port path by hand, e.g. /dev/ttyACM0.',
      serialListFailed: 'Serial ports cannot be listed right now. You can still type the port path by hand.',
      hidListFailed:
        'USB scanners cannot be listed right now. Check that the USB library is installed, or use a keyboard-mode or serial scanner.',
      details: 'Details for IT'
    },
    save: 'Save device settings',
    saved: 'Device settings saved; scanners reopened with the new settings',
    revert: 'Discard changes',
    refresh: 'Refresh device list',
    add: 'Add',
    addManual: 'Add by hand',
    remove: 'Remove',
    label: 'Name',
    prefix: 'Prefix',
    suffix: 'Suffix',
    optional: 'optional',
    alreadyConfigured: 'configured',
    status: {
      notRunning: 'Not running (opens when saved)',
      connected: 'Connected',
      disconnected: 'Not connected',
      reopening: 'Not plugged in, waiting for it…',
      error: 'Cannot open'
    },
    test: {
      normalized: 'Read as',
      history: 'Recent test scans',
      time: 'Time',
      kind: { code: 'Code', encrypted: 'Encrypted code (encrypt_code)' }
    },
    wedge: {
      title: 'Keyboard-mode scanners',
      intro:
        'A keyboard-mode scanner "types" like a keyboard; the station tells a scan from typing by speed. Calibrate a slow scanner: press Calibrate, then scan any barcode with it.',
      calibrate: 'Calibrate: scan a test code',
      cancel: 'Cancel calibration',
      recording: 'Scan a barcode with the scanner now…',
      tooShort: 'That was too short; calibrate again with a barcode of at least 4 characters.',
      measured:
        'Read {{n}} characters "{{text}}": {{mean}} ms per character on average, longest pause {{max}} ms, end key {{suffix}}',
      noSuffixKey: 'none',
      apply: 'Use the calibration (≤ {{avg}} ms per character, pauses ≤ {{gap}} ms)',
      warnings: {
        overlapsHuman:
          'This scanner types as slowly as a person: short typing could be taken for a scan. Shorten its key delay, or use HID POS or serial mode.',
        noSuffix:
          'The scanner sends no Enter or Tab, so every scan waits {{ms}} ms to end. Program an Enter suffix on the scanner.',
        imeActive:
          'A Chinese input method intercepted the scan. Switch to English input; better, put the scanner in HID POS or USB serial mode, which bypasses input methods entirely.'
      },
      avgMsPerChar: 'Max average ms per character',
      avgHelp: 'Keys faster than this count as a scan; people type at 80 ms or slower',
      maxGapMs: 'Longest pause between keys (ms)',
      minLength: 'Shortest scan (characters)',
      suffixKeys: 'End keys',
      requireSuffix: 'A scan must end with an end key',
      prefixHelp: 'When set, only scans starting with this prefix are accepted',
      imeTitle: 'Chinese input methods and scanners',
      imeBody:
        'With a Chinese input method on, letters from a keyboard-mode scanner can be swallowed. The station recovers what it can and says "scan garbled" when it cannot. The reliable fix: switch the scanner to HID POS or USB serial (CDC) mode with its programming barcode, then add it on the USB HID or Serial tab.'
    },
    hid: {
      title: 'USB HID scanners',
      intro:
        'Scanners in HID POS mode are read by the station directly, past the keyboard and input methods. Matched by vendor/product id, so another USB port still works.',
      found: 'HID scanners found',
      none: 'No HID scanner found',
      noneConfigured: 'No HID scanner configured',
      unnamed: 'Unnamed device',
      vendorId: 'Vendor id (VID)',
      productId: 'Product id (PID)',
      path: 'Device path (optional)',
      protocol: 'Protocol',
      protocols: { auto: 'Detect', 'hid-pos': 'HID POS', keyboard: 'Keyboard reports' },
      kinds: { 'hid-pos': 'HID POS', keyboard: 'Keyboard mode' }
    },
    serial: {
      title: 'Serial scanners / scan boxes',
      intro:
        'Scanners and scan boxes on a serial port or USB serial (CDC). Set baud rate, parity and the end-of-code byte from the manual.',
      found: 'Serial ports found',
      none: 'No serial port found (virtual ports are not listed; add them by hand)',
      noneConfigured: 'No serial scanner configured',
      newPort: 'New port',
      path: 'Port path',
      pathHelp: 'e.g. /dev/ttyACM0, /dev/serial/by-id/…, COM3',
      baudRate: 'Baud rate',
      dataBits: 'Data bits',
      parity: 'Parity',
      parities: { none: 'None', even: 'Even', odd: 'Odd', mark: 'Mark', space: 'Space' },
      stopBits: 'Stop bits',
      delimiter: 'End of code',
      delimiters: { CR: 'CR', LF: 'LF', CRLF: 'CR LF', byte: 'Custom byte' },
      delimiterByte: 'End byte (0–255)',
      kinds: {
        'usb-cdc': 'USB serial (CDC)',
        'usb-serial': 'USB-to-serial',
        onboard: 'Built-in port',
        other: 'Other'
      }
    },
    camera: {
      title: 'Camera',
      intro:
        "The station reads codes on customers' phones with a camera. Tick only the symbologies you need: reading is faster.",
      chosen: 'Camera',
      default: 'System default camera',
      nth: 'Camera {{n}}',
      absent: '{{label}} (not connected)',
      none: 'No camera found',
      labelsHidden: 'Camera names appear after the preview above was opened once',
      formats: 'Symbologies',
      formatsHelp: 'WeChat coupons use QR, Code 128 or PDF417'
    }
  },
  language: { zh: '中文', en: 'English' },
  common: { retry: 'Retry', listSeparator: ', ' },
  role: { cashier: 'Cashier', manager: 'Manager' },
  pin: { keypad: 'Number pad', backspace: 'Delete one digit', ok: 'OK' },
  firstRun: {
    title: 'First start: create the manager account',
    intro: 'This till has no staff yet. Create the first manager; the manager can then add cashiers.',
    name: 'Name',
    nameRequired: 'Enter a name',
    pin: 'PIN (4–8 digits)',
    pinAgain: 'PIN again',
    pinRule: 'A PIN is 4 to 8 digits',
    pinMismatch: 'The two PINs are not the same',
    create: 'Create manager and sign in'
  },
  signIn: {
    title: 'Sign in',
    pickName: 'Choose your name',
    typePin: 'Type your PIN',
    staffList: 'Staff',
    pinOf: 'PIN of {{name}}',
    attention: {
      title: 'Waiting for a manager',
      needsManager: '{{n}} conflicts or refused redemptions to resolve (Conflicts page)'
    },
    changePin: 'Change my PIN',
    deactivated:
      'Your account was deactivated by a manager and you have been signed out. Ask a manager if this is a mistake.'
  },
  changePin: {
    title: 'Change the PIN of {{name}}',
    intro: 'Type your current PIN, then the new PIN twice.',
    oldPin: 'Current PIN',
    oldPinRequired: 'Type your current PIN',
    newPin: 'New PIN (4–8 digits)',
    newPinAgain: 'New PIN again',
    submit: 'Change PIN',
    done: 'The PIN of {{name}} was changed; sign in with the new PIN from now on.'
  },
  lock: {
    title: 'Till locked',
    who: '{{name}} is signed in. Type the PIN to unlock.',
    pinLabel: 'PIN of {{name}}',
    switchUser: 'Someone else (sign {{name}} out)',
    scanWhileLocked:
      'A code was scanned while the till was locked ({{code}}). It was NOT redeemed: unlock first, then scan it again.',
    scanWhileLockedTitle: 'Scan not handled'
  },
  approval: {
    title: 'Manager approval needed',
    intro: 'A manager must type their PIN to allow this redemption.',
    managers: 'Managers',
    pinOf: 'PIN of manager {{name}}'
  },
  header: {
    stationUnknown: 'Loading store details',
    devices: {
      none: 'Keyboard scanner · camera',
      ok: 'Scanners connected ({{n}})',
      down: 'Scanner not connected: {{names}}'
    },
    storeLink: {
      connected: 'Store hub connected',
      degraded: 'Store hub not answering',
      repair: 'Store hub was replaced: a manager must pair again',
      waiting: '{{n}} claim(s) waiting'
    },
    mute: 'Mute',
    unmute: 'Sound on',
    lock: 'Lock',
    signOut: 'Sign out'
  },
  nav: {
    label: 'Pages',
    counter: 'Counter',
    training: 'Training sheet',
    day: 'Day',
    conflicts: 'Conflicts',
    settings: 'Settings',
    devices: 'Devices',
    staff: 'Staff'
  },
  placeholder: {
    title: 'This page is being built',
    body: 'Another module provides this page; it will appear here when it is ready.'
  },
  sync: {
    connectivity: {
      online: 'Online',
      degraded: 'Unstable network',
      offline: 'Offline',
      unknown: 'Connection unknown'
    },
    queue: '{{n}} to sync',
    oldest: 'oldest waiting {{age}}',
    paused: {
      quota: 'Sync paused: daily API quota used up',
      auth: 'Sync paused: WeChat account settings are wrong'
    },
    needsManager: '{{n}} need a manager',
    pause: {
      since: 'paused since {{at}}',
      until: 'resumes by itself at {{at}}',
      untilFixed: 'until the settings are fixed',
      callManager: 'tell a manager',
      resume: 'Resume sync',
      resumed: 'Sync resumed: waiting redemptions are being sent',
      confirmTitle: 'Resume sync now?',
      confirm: {
        quota: 'Only after the daily quota was reset on the WeChat platform (or a new Beijing day began).',
        auth: 'Only after the WeChat settings were corrected.'
      },
      cancel: 'Not now'
    }
  },
  age: { seconds: '{{n}} s', minutes: '{{n}} min', hours: '{{n}} h' },
  decision: {
    offline: 'offline',
    title: {
      READY: 'Ready to scan',
      OK: 'OK to redeem',
      NEEDS_AMOUNT: 'Enter the bill amount',
      CHOOSE: 'Choose the coupon',
      WARN: 'Check, then redeem',
      WARN_PIN: 'Manager PIN needed',
      DENY: 'Do not redeem',
      DUPLICATE: 'DUPLICATE! Already redeemed',
      REJECTED: 'Scan not readable',
      FAILED: 'Look-up failed',
      REDEEMED: 'Redeemed',
      SYNC_CONFLICT: 'WeChat did not confirm: call the manager'
    },
    hint: {
      READY: 'The scanner works any time; type damaged or text-only codes below.',
      OK: 'Enter redeems, Esc cancels.',
      NEEDS_AMOUNT: 'Type the bill amount, then Enter.',
      CHOOSE: 'The station does not know which coupon this code is: choose the one on the customer’s phone.',
      WARN: 'Check the warnings above. Enter confirms, Esc cancels.',
      WARN_PIN: 'Enter asks a manager for their PIN, Esc cancels.',
      DENY: 'Tell the customer why. Esc for the next customer.',
      DUPLICATE: 'Do NOT redeem again! Tell the customer this coupon was used. Esc for the next customer.',
      REJECTED: 'Scan again, or type the code below.',
      FAILED: 'Scan again; if it keeps failing, call the manager.',
      REDEEMED: 'Scan the next coupon whenever ready.',
      SYNC_CONFLICT:
        'Recorded on this till, but WeChat disagrees (the line above says how). Do not redeem again; a manager resolves it under Conflicts. Esc for the next customer.'
    }
  },
  cardType: {
    CASH: 'Cash coupon',
    DISCOUNT: 'Discount coupon',
    GIFT: 'Gift coupon',
    GROUPON: 'Group deal',
    GENERAL_COUPON: 'Coupon',
    MEMBER_CARD: 'Member card',
    UNKNOWN: 'Other coupon'
  },
  coupon: {
    label: 'Coupon',
    unreadable: 'The coupon details cannot be read',
    fromCache: 'Saved on this station',
    picked: 'Chosen by the cashier',
    validity: 'Valid',
    validRange: '{{from}} to {{until}}',
    validFromReceipt: 'From day {{begin}} after claiming, for {{days}} days',
    validFromReceiptOpen: 'From day {{begin}} after claiming',
    validForever: 'No end date',
    validUnknown: 'Unknown',
    hours: 'Hours',
    anyTime: 'All day',
    everyDay: 'Every day',
    stores: 'Stores',
    allStores: 'All stores',
    someStores: 'Only stores {{ids}}',
    minSpend: 'Minimum spend',
    noMinSpend: 'None',
    stacking: 'With other offers',
    stackingYes: 'Can be combined',
    stackingNo: 'Cannot be combined',
    code: 'Code',
    customer: 'Customer'
  },
  couponValue: {
    cashMinSpend: '{{reduce.sign}} off, min spend {{least.sign}}',
    cashOff: '{{reduce.sign}} off',
    noDiscount: 'No discount',
    free: '100% off',
    discount: '{{off.percent}}% off',
    gift: 'Gift: {{item}}',
    groupon: 'Deal: {{item}}',
    general: 'Offer: {{item}}',
    memberNotRedeemed: 'Member card (not redeemed)',
    memberDiscount: 'Member card, members {{off.percent}}% off',
    unknownType: 'Unrecognised card type: {{type}}',
    minSpend: 'Min spend {{least.sign}}',
    noStacking: 'Cannot be combined with other offers',
    acceptCategory: 'Valid for: {{category}}',
    rejectCategory: 'Not valid for: {{category}}',
    objectUseFor: 'Valid when buying {{item}}'
  },
  weekday: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' },
  bill: {
    required: 'Bill amount (required)',
    optional: 'Bill amount (optional)',
    placeholder: 'e.g. 120 or 120.50',
    help: 'In yuan, at most two decimals, up to {{max}}.',
    tooLarge: 'Too large: a bill is at most {{max}}. Check it and type it again.',
    invalid: 'Not an amount: type a number like 120 or 120.50.',
    otherDiscount: 'Another discount is already applied',
    otherDiscountHelp: 'Turn on when this bill already has another discount or offer.'
  },
  money: { bill: 'Bill', discount: 'Discount', payable: 'To pay' },
  choices: { title: 'Choose the coupon' },
  duplicate: {
    label: 'First redemption',
    when: 'When',
    station: 'Till',
    cashier: 'Cashier',
    synced: 'Synced to WeChat',
    syncedYes: 'Yes',
    syncedNo: 'Not yet',
    otherTill: 'Redeemed at another till of this store (told by the store hub)',
    elsewhere:
      'WeChat says this coupon was already redeemed; this station has no record of it (another store or till?).'
  },
  actions: {
    commit: 'Redeem',
    confirm: 'Redeem',
    approve: 'Ask a manager for their PIN',
    needAmount: 'Enter the amount first',
    cancel: 'Cancel',
    next: 'Next customer',
    confirmQuestion: 'Warnings checked? Press Enter again to redeem.'
  },
  redeemed: {
    storeUnchecked:
      'Not checked with the store: the store hub did not answer, another till may have taken this coupon. It is checked when the hub is back',
    sync: {
      confirmed: 'Confirmed by WeChat',
      queued: 'Saved; will sync to WeChat when online',
      queuedPaused: 'Saved; sent to WeChat once the pause ends ({{why}})',
      conflict: 'Sync conflict: a manager must look at it',
      rejected: 'WeChat refused this redemption: a manager must look at it',
      voided: 'Voided'
    },
    approvedBy: 'approved by manager {{name}}'
  },
  status: {
    pending: 'Pending',
    stale: 'Sync overdue',
    synced: 'Synced',
    conflict: 'Conflict',
    rejected: 'Rejected',
    voided: 'Voided'
  },
  printer: {
    title: 'Receipt printer',
    intro:
      'An ESC/POS thermal printer (58 or 80 mm paper): network (port 9100), serial or USB serial, or a printer device. A redemption never waits for the printer; a slip that did not print can be reprinted later.',
    none: 'No receipt printer is set up yet.',
    add: 'Add a printer',
    remove: 'Remove the printer',
    removeConfirm: 'No slips will print once it is removed. Remove this printer?',
    keep: 'Keep it',
    enabled: 'Enabled',
    label: 'Name',
    connection: 'Connection',
    kinds: { network: 'Network (TCP 9100)', serial: 'Serial / USB serial', device: 'Printer device file' },
    host: 'Printer IP address',
    port: 'Port',
    path: 'Serial port',
    devicePath: 'Device path',
    devicePathHelp: 'For example /dev/usb/lp0. This connection cannot read the printer state.',
    baudRate: 'Baud rate',
    paperWidth: 'Paper width',
    paperMm: '{{mm}} mm',
    slipMode: 'Redemption slip',
    slipModes: {
      auto: 'Print after each redemption',
      ask: 'Print when the cashier presses Print slip',
      never: 'Do not print'
    },
    language: 'Printed language',
    languages: { 'zh-CN': '中文', en: 'English' },
    codeDigits: 'Code digits shown',
    cut: 'Cut after printing',
    save: 'Save printer settings',
    saved: 'Printer settings saved',
    check: 'Check state',
    test: 'Print a test page',
    testQueued: 'The test page was sent to the printer',
    statusLabel: 'Printer state',
    state: {
      none: 'Not set up',
      ready: 'Ready',
      paperLow: 'Paper running low',
      paperOut: 'Out of paper',
      coverOpen: 'Cover open',
      offline: 'Cannot reach the printer',
      error: 'Printer fault'
    },
    counterAlert: {
      paperOut: 'The printer is out of paper: load paper. Redemptions go on; slips can be reprinted later.',
      coverOpen: 'The printer cover is open: close it. Redemptions go on; slips can be reprinted later.',
      offline:
        'The receipt printer cannot be reached: check its power and cable. Redemptions go on; slips can be reprinted later.',
      error: 'The receipt printer reports a fault: check it. Redemptions go on; slips can be reprinted later.'
    },
    unprinted: 'Not printed',
    unprintedNone: 'Everything printed.',
    retry: 'Print again',
    kind: { slip: 'Redemption slip', zreport: 'Z report', test: 'Test page' },
    job: {
      queued: 'Waiting to print…',
      printing: 'Printing…',
      printed: 'Printed',
      failed: 'Did not print: {{why}}'
    },
    printSlip: 'Print slip',
    reprintSlip: 'Reprint slip',
    printZ: 'Print on the receipt printer',
    reprintNote: 'A slip printed again says REPRINT and is written to the audit log.'
  },
  recent: {
    title: 'Recent redemptions',
    empty: 'No redemptions yet.',
    noMoney: 'no amount',
    open: 'Details of the redemption at {{time}}',
    details: 'Redemption details',
    close: 'Close'
  },
  counter: { camera: { on: 'Scan with camera', off: 'Camera off' } },
  manual: {
    label: 'Type a code',
    placeholder: 'Type the code, then Enter',
    submit: 'Look up',
    looking: 'Looking up…'
  },
  notice: {
    doubleRead: 'The same coupon was just read; this second read was ignored.',
    mangled: 'A Chinese input method garbled the scan. Switch to English input and scan again.'
  },
  training: {
    title: 'Training sheet',
    intro: 'Each code shows one outcome. “Scan” sends the code to the counter as if it had been scanned.',
    scenario: 'Scenario',
    code: 'Code',
    expected: 'After the scan',
    followUp: 'After the amount',
    followUpBill: 'Enter {{bill}} →',
    description: 'What it shows',
    action: 'Try it',
    scan: 'Scan',
    scanCode: 'Scan: {{title}}',
    reset: {
      button: 'Reset practice',
      confirmTitle: 'Reset practice for the next trainee?',
      whatCodes:
        'Every training code can be used again, as on the first day: the built-in sandbox goes back to its starting state, the network-down drill included.',
      whatLedger:
        'The practice redemptions so far are marked “voided: practice reset”. They no longer count as already redeemed, in the day’s figures or for syncing, and stay visible in the training history and the audit log.',
      whatHours: 'The time-limited coupon’s hours are set again from the current time.',
      whatKept:
        'Only training data changes. The live database is not touched; staff, settings and closed Z reports stay as they are.',
      confirm: 'Reset practice',
      cancel: 'Cancel',
      voidReason: 'Practice reset',
      done: 'Practice reset: {{count}} practice redemption(s) voided. Every training code can be used again.'
    }
  },
  staffPage: {
    list: 'Staff list',
    add: 'Add someone',
    role: 'Role',
    create: 'Add',
    created: '{{name}} added',
    name: 'Name',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Deactivated',
    you: ' (you)',
    resetPin: 'Reset PIN',
    resetPinTitle: 'Set a new PIN for {{name}}',
    resetPinIntro:
      'For when {{name}} forgot their PIN. Tell them the new PIN in person; a wrong-PIN lockout is lifted too.',
    resetPinSubmit: 'Set new PIN',
    pinReset: 'New PIN set for {{name}}',
    changeMyPin: 'Change my PIN',
    deactivate: 'Deactivate',
    deactivateConfirm:
      'Deactivate {{name}}? They can no longer sign in, and a till they are using signs them out at once.',
    deactivated: '{{name}} deactivated',
    reactivate: 'Reactivate',
    reactivated: '{{name}} reactivated; their old PIN works again',
    makeManager: 'Make manager',
    makeCashier: 'Make cashier',
    makeManagerConfirm: 'Make {{name}} a manager? Managers manage staff, settings and the day close.',
    makeCashierConfirm: 'Make {{name}} a cashier? They will no longer reach the manager pages.',
    nowManager: '{{name}} is now a manager',
    nowCashier: '{{name}} is now a cashier',
    confirm: 'Yes',
    cancel: 'Cancel',
    lastManagerNote:
      'The station always keeps at least one active manager: the last one cannot be deactivated or made a cashier.'
  },
  reports: {
    tabs: { day: 'Day report', z: 'Z reports', audit: 'Audit log', backups: 'Backups' },
    day: {
      businessDay: 'Business day',
      from: 'From',
      to: 'To',
      oneDay: 'One day',
      range: 'Range',
      today: 'Today',
      previous: 'Day before',
      next: 'Day after',
      refresh: 'Refresh',
      cutoff: 'A business day starts at {{time}}, time zone {{zone}}',
      totalsNote:
        'Totals include pending, synced, conflicting and rejected redemptions; voided ones are listed apart and not counted.',
      count: 'Redemptions',
      discount: 'Discount total',
      bill: 'Bills total',
      payable: 'Payable total',
      byStatus: 'Sync status',
      byCard: 'By coupon',
      byCardType: 'By card type',
      byCashier: 'By cashier',
      byHour: 'By hour',
      byChannel: 'Online / offline',
      online: 'Online',
      offline: 'Offline',
      staleOf: 'of which stale',
      voided: 'Voided (not counted)',
      resolved: '{{count}} of the conflicts/rejections resolved',
      closed: 'Closed: Z report No. {{number}}',
      closedSummary: 'Closed: Z report No. {{number}} · {{count}} redemptions · {{discount}}',
      untilClose:
        'Figures up to the close at {{at}}: exactly what Z report No. {{number}} counted. Later redemptions of this day are shown apart below.',
      afterCloseTitle: 'After close',
      afterCloseBody:
        '{{count}} redemptions, discount {{discount}}, after the close: they stay on this business day, are not in Z report No. {{number}}, and are carried to the next Z report.',
      afterCloseShow: 'Show them',
      voidedAfterClose:
        '{{count}} redemptions ({{discount}}) counted by Z report No. {{number}} were voided after the close; the void is on the next Z report.',
      notClosed: 'Not closed yet',
      name: 'Name',
      share: 'Share',
      empty: 'No redemptions in this period.',
      noCard: '(unidentified coupon)',
      loadFailed: 'The report could not be loaded'
    },
    wechat: {
      title: 'Check against WeChat',
      date: 'Date',
      ours: 'This station (confirmed by WeChat)',
      wechat: 'WeChat count',
      difference: 'Difference',
      notYet: 'Available once the day is over',
      unavailable: 'Unavailable: {{reason}}',
      explain:
        'WeChat counts per calendar day (China time) for the whole account, including other stores, stations and redemption methods; this station counts only its own redemptions WeChat confirmed.'
    },
    drill: {
      title: 'Details',
      filter: 'Filter',
      clear: 'Clear filter',
      all: 'All redemptions',
      at: 'Time',
      code: 'Code',
      card: 'Coupon',
      cashier: 'Cashier',
      discount: 'Discount',
      bill: 'Bill',
      status: 'Status',
      channel: 'Channel',
      total: '{{n}} in all',
      hour: '{{hour}}:00',
      approver: 'Approved by',
      afterClose: 'After close',
      open: 'Open the story of the redemption {{code}}',
      storyTitle: 'Redemption {{code}}',
      storyLoading: 'Loading the story…'
    },
    export: {
      csv: 'Export CSV',
      xlsx: 'Export Excel',
      language: 'File language',
      done: 'Exported {{fileName}} ({{rows}} rows)',
      saved: 'Saved to {{path}}',
      cancelled: 'Export cancelled'
    },
    close: {
      button: 'Close the day (Z report)',
      confirmTitle: 'Close {{day}}?',
      confirmBody: 'A Z report cannot be changed, and a business day closes only once.',
      openWarning:
        '{{n}} redemptions are still open (pending, conflict or rejected). They are listed prominently on the Z report and keep syncing after the close.',
      confirm: 'Close the day',
      cancel: 'Cancel',
      done: 'Z report No. {{number}} created',
      backupFailed: 'The day is closed, but the backup failed: {{error}}',
      earlyTitle: 'The business day is not over yet',
      earlyBody:
        'Business day {{day}} runs until {{end}}. If you close it now, the Z report counts what has been redeemed so far; redemptions after the close still belong to {{day}}, are shown as "after close" in the day view, and are carried to the next Z report.',
      earlyConfirm: 'Close early'
    },
    z: {
      list: 'Z reports',
      title: 'Z report No. {{number}}',
      day: 'Business day',
      closedAt: 'Closed at',
      closedBy: 'Closed by',
      store: 'Store',
      period: 'Trading period',
      openItems: 'Open redemptions',
      total: 'Total',
      afterClose: 'Changes after close (days closed earlier)',
      afterCloseNone: 'No changes after close.',
      verified: 'Verified: the report is unchanged',
      tampered: 'Verification FAILED: the report does not match its stored hash and may have been altered!',
      auditMismatch: 'Verification FAILED: the hash does not match the audit log!',
      rowsMismatch: "Warning: this day's redemptions differ from those at the close!",
      print: 'Print',
      pdf: 'Save as PDF',
      pdfSaved: 'PDF saved to {{path}}',
      pdfInBrowser:
        'In the browser, the print dialog saves the PDF: choose "Save as PDF" as the destination, then the folder.',
      pdfCancelled: 'Saving the PDF was cancelled; nothing was saved',
      closedEarly:
        'Closed before the business day ended ({{end}}); redemptions of this day after the close are on the next Z report.',
      none: 'No Z reports yet.',
      training: 'Training data, not real redemptions',
      rows: '{{count}} redemption rows (SHA-256 {{sha}})',
      open: 'Open',
      event: {
        redeemed: 'Redeemed after close',
        synced: 'Synced',
        conflict: 'Conflict',
        rejected: 'Rejected',
        voided: 'Voided',
        resolved: 'Resolved'
      }
    },
    conflicts: {
      open: 'To resolve',
      resolved: 'Resolved',
      all: 'All',
      empty: 'No conflicts or rejections to resolve.',
      story: 'The whole story',
      redemption: 'Redemption',
      scan: 'Scan',
      decision: 'Decision at the till',
      attempts: 'Sync attempts',
      auditTrail: 'Audit trail',
      noScan: 'The scan is no longer in the scan log',
      technical: 'Technical details',
      attemptKinds: { consume: 'Redeem request', status_check: 'Coupon status check' },
      attemptOutcomes: {
        consumed: 'Redeemed by WeChat',
        refused: 'Refused by WeChat',
        ambiguous: 'Unclear (checked again later)',
        not_applied: 'Not carried out by WeChat',
        unknown: 'Result unknown',
        status: 'Coupon status read',
        failed: 'Could not reach WeChat (network or service fault)',
        pending: 'Running or interrupted'
      },
      attemptKind: 'Kind',
      attemptOutcome: 'Outcome',
      attemptDetail: 'Reply',
      noAttempts: 'No sync attempt yet',
      reason: 'Reason',
      choose: 'Choose an item on the left to see its story',
      crossTill: {
        title: 'Redeemed at two tills',
        intro:
          'This till redeemed these coupons while the store hub did not answer; another till of the store had already redeemed them. Collect from the customer or write it off, and tell the other till.',
        here: 'Here: {{time}}, cashier {{cashier}} (not checked with the store)',
        holder: 'First: {{time}} at {{station}}, cashier {{cashier}}'
      },
      resolveTitle: 'Resolve',
      note: 'Note',
      notePlaceholder: 'e.g. the customer paid the ¥10 back in cash',
      submit: 'Resolve',
      resolvedBy: 'Resolved by {{name}} at {{at}}',
      outcome: { collected: 'Collected from customer', written_off: 'Written off', other: 'Other' }
    },
    audit: {
      verify: 'Verify now',
      intact: 'Audit chain intact ({{n}} entries)',
      broken: 'Audit chain broken at entry {{id}}: {{reason}}',
      action: 'Action',
      actor: 'Who',
      subject: 'Subject',
      detail: 'Detail',
      at: 'Time',
      allActions: 'All actions',
      actorFilter: 'Filter by person',
      more: 'Load more',
      total: '{{n}} entries',
      what: 'What happened',
      details: 'Details',
      yes: 'yes',
      no: 'no',
      noChange: 'Saved without changes',
      bySync: 'Sync',
      byStation: 'The station',
      groups: {
        redemption: 'Redemptions',
        conflict: 'Conflicts',
        day: 'Day close',
        backup: 'Backups',
        training: 'Training',
        staff: 'Staff',
        settings: 'Settings',
        sync: 'Sync'
      },
      actions: {
        staff: {
          sign_in: 'Signed in',
          sign_in_failed: 'Wrong PIN at sign-in',
          sign_out: 'Signed out',
          created: 'Staff member added',
          pin_changed: 'Changed own PIN',
          pin_reset: 'PIN reset by a manager',
          deactivated: 'Staff member deactivated',
          reactivated: 'Staff member reactivated',
          role_changed: 'Role changed'
        },
        redemption: {
          created: 'Redeemed',
          voided: 'Redemption voided',
          override: 'Manager approved a redemption',
          conflict: 'Sync found a conflict',
          rejected: 'WeChat refused a redemption'
        },
        conflict: { resolved: 'Conflict resolved' },
        settings: { changed: 'Settings changed', approval_rules_changed: 'Approval rules changed' },
        day: { closed: 'Day closed' },
        backup: { restored: 'Backup restored' },
        sync: { resumed: 'Sync resumed by a manager' },
        training: { practice_reset: 'Practice reset' },
        print: { reprinted: 'Reprint' },
        storeLink: {
          paired: 'Paired with the store hub',
          policySet: 'Store policy changed (not checked with the store)',
          uncheckedRefused: 'Refused: above the store limit while the hub did not answer',
          conflictResolved: 'Redeemed at two tills: resolved'
        },
        storeHub: { role_changed: 'Store hub role changed', till_revoked: 'Till removed from the store hub' },
        chainLink: { enrolled: 'Enrolled with headquarters' }
      },
      summary: {
        approvalRules: 'High value, share of the bill, per-customer count or offline limits changed',
        created: 'Code {{code}}, {{amount}} off, {{how}}',
        online: 'confirmed online',
        offline: 'recorded offline',
        voided: 'Code {{code}}; reason: {{reason}}',
        syncProblem: 'Code {{code}}: {{reason}}',
        resolved: 'Code {{code}}: {{outcome}}',
        dayClosed: 'Z report no. {{number}} for {{day}}: {{count}} redemptions, {{amount}} off',
        restored: 'From backup {{file}}',
        staffCreated: '{{name}} ({{role}})',
        signInFailed: '{{n}} wrong PIN(s) in a row',
        practiceReset: '{{count}} practice redemption(s) voided; every training code usable again',
        reprinted: 'Reprinted {{what}}',
        reprintSlip: 'the slip of code {{code}}',
        reprintZ: 'Z report {{number}}',
        settings: {
          setup: 'Store and connection settings',
          mode: 'Switched between training and live',
          devices: 'Scanner settings',
          printer: 'Receipt printer settings',
          policy: 'Offline and approval rules',
          other: 'Settings'
        }
      },
      fields: {
        unverifiedLimitFen: 'Store limit when the hub does not answer',
        beforeLimitFen: 'Limit before',
        version: 'Version',
        amountFen: 'Amount off',
        limitFen: 'Store limit',
        otherTill: 'Redeemed first at',
        highValueFen: 'High-value threshold',
        maxDiscountShareOfBill: 'Largest discount share of the bill (%)',
        velocityMaxPerDay: 'Coupons per customer per day',
        maxFaceValueFen: 'Largest coupon value offline',
        maxPerBusinessDay: 'Offline redemptions per day',
        allowUnknownCards: 'Unknown cards allowed',
        managerOverride: 'Manager may override the limits',
        code: 'Coupon code',
        cardId: 'Card',
        discountFen: 'Amount off',
        billFen: 'Bill',
        online: 'Confirmed online',
        approvedBy: 'Approved by',
        reason: 'Reason',
        previousStatus: 'Status before',
        backup: 'Backup file',
        backupAt: 'Backup taken at',
        movedAsideTo: 'Previous file kept as',
        onStart: 'At start-up',
        name: 'Name',
        role: 'Role',
        failures: 'Wrong PINs in a row',
        cleared: 'Practice redemptions voided',
        cancelled: 'Of which not yet synced',
        outboxSeq: 'Queue number',
        businessDay: 'Business day',
        number: 'Z report no.',
        count: 'Redemptions',
        openItems: 'Unfinished redemptions',
        afterClose: 'After close',
        status: 'Status',
        outcome: 'Outcome',
        note: 'Note',
        storeName: 'Store name',
        stationName: 'Till name',
        timeZone: 'Time zone',
        cutoff: 'Business day starts at',
        storeLocationId: 'WeChat store ID',
        baseUrl: 'API address',
        appId: 'AppID',
        secretsChanged: 'Secrets changed'
      }
    },
    backups: {
      now: 'Back up now',
      done: 'Backup done: {{file}}',
      failed: 'Backup failed: {{error}}',
      directory: 'Backup folder',
      nextDue: 'Next scheduled backup: {{at}}',
      interval: 'Backup every (hours)',
      keep: 'Keep for (days)',
      save: 'Save settings',
      saved: 'Settings saved',
      at: 'Time',
      file: 'File',
      size: 'Size',
      kind: 'Kind',
      restore: 'Restore',
      restoreTitle: 'Restore the backup {{file}}?',
      restoreBody:
        'The database in use is moved aside (not deleted) and replaced by this backup. Redemptions made after the backup will not be in the restored data; check them against WeChat.',
      typeDate: "Type the backup's date {{date}} to confirm",
      restored: 'Restored. The previous database is kept at {{path}}',
      empty: 'No backups yet.',
      verified: 'Verified',
      reason: { day_close: 'Day close', schedule: 'Scheduled', manual: 'Manual', unknown: 'Unknown' }
    },
    errors: {
      DAY_ALREADY_CLOSED: 'This day is already closed; a business day closes only once',
      DAY_NOT_STARTED: 'This business day has not started yet',
      NOT_A_CONFLICT: 'This redemption is not a conflict or a rejection',
      ALREADY_RESOLVED: 'This item was already resolved',
      CONFIRMATION_MISMATCH: "The date typed is not the backup's date; nothing was changed",
      BACKUP_NOT_FOUND: 'This backup was not found',
      BACKUP_UNUSABLE: 'This backup is damaged and cannot be restored',
      RESTORE_FAILED: 'The restore failed; the previous database was put back',
      TRAINING_ONLY: 'Only possible in training mode',
      Z_REPORT_UNREADABLE: "This Z report's stored copy is damaged and cannot be read",
      DAY_NOT_OVER: 'This business day is not over yet; confirm closing it early',
      PDF_FAILED: 'Printing the Z report produced no PDF; nothing was saved'
    }
  },
  storeHub: {
    title: 'Store hub',
    intro:
      'With two or more tills in one store, one till runs the store hub: no coupon is then redeemed at two tills, even with the internet down.',
    roleLabel: 'This till',
    roles: {
      single: 'Single till (no store hub)',
      hub: 'This till is the store hub (主机)',
      join: 'This till joins a store hub (副机)'
    },
    roleHelp: {
      single: 'Only this till redeems coupons in this store.',
      hub: 'This till runs the store hub; the other tills of the store join it with the code shown here.',
      join: 'Type the address and the pairing code shown on the hub till.'
    },
    choose: 'Use this role',
    changing: 'Changing…',
    confirmHubTitle: 'Make this till the store hub?',
    confirmHubBody:
      'A new store hub starts on this till. If another till was the hub, make it a joining till, then pair every other till with this one again.',
    confirmLeaveTitle: 'Stop the store hub on this till?',
    confirmLeaveBody:
      'The other tills lose the store hub until one till is the hub again and they are paired with it.',
    confirmOk: 'Yes, change',
    cancel: 'Cancel',
    state: {
      starting: 'Store hub starting…',
      running: 'Store hub running',
      failedStart: 'The store hub could not start: trying again',
      restarting: 'Store hub stopped unexpectedly: starting it again',
      stopped: 'Store hub stopped'
    },
    retryIn: 'Next try in {{seconds}} s',
    restarts: 'Restarted {{n}} time(s)',
    reason: {
      HUB_NOT_AVAILABLE: 'This version of the station cannot run the store hub. Make another till the hub.',
      HUB_EXITED: 'The store hub stopped unexpectedly.',
      HUB_START_FAILED: 'The store hub could not be started.',
      HUB_LISTEN_FAILED:
        'Its network port is taken (another program, or a hub still running). Close that program or restart the computer.',
      HUB_DATA_DIR_UNREACHABLE:
        'The store hub cannot use its data folder (its database account has no access). Move the station data to a shared folder.',
      HUB_ALREADY_RUNNING: 'Another store hub is still running on this computer. Stop it first.',
      HUB_STORE_MISMATCH: 'The hub data belongs to another store.',
      HUB_DB_TOO_NEW: 'The hub data comes from a newer version. Update the app on this till.',
      HUB_MIGRATION_FAILED: 'Upgrading the hub data failed; it was left as it was. Contact support.',
      PG_BINARIES_MISSING: 'The database programs are missing. Reinstall the app.',
      PG_BINARIES_UNUSABLE: 'The database programs do not run on this computer. Reinstall the app.',
      PG_USER_UNAVAILABLE: 'The database account could not be created. Contact support.',
      PG_INIT_FAILED: 'The hub database could not be created. Check the free disk space.',
      PG_START_FAILED: 'The hub database did not start. Check the free disk space, or restart the computer.',
      HUB_BAD_ARGUMENT: 'The store hub settings are not valid. Contact support.',
      other: 'The store hub could not start.'
    },
    addressesLabel: 'Address for the other tills',
    addressesHelp:
      'On each other till: Settings → Store hub → “This till joins a store hub”, then type this address and the code.',
    codeLabel: 'Pairing code',
    codeValid: 'Single use, valid until {{time}}',
    codeNone: 'No code yet',
    newCode: 'New pairing code',
    tillsLabel: 'Tills paired with this hub',
    tillsNone: 'No till paired yet',
    tillSelf: 'this till',
    tillPaired: 'paired {{time}}',
    tillRevoked: 'removed {{time}}',
    revoke: 'Remove',
    revokeTitle: 'Remove {{name}} from the store hub?',
    revokeBody: 'That till stops checking coupons with the store until it is paired again.',
    join: {
      address: 'Hub address',
      addressHelp: 'As shown on the hub till, e.g. 192.168.1.20:7420',
      code: 'Pairing code',
      codeHelp: '8 letters and digits, e.g. ABCD-EFGH',
      submit: 'Pair with the store hub',
      pairing: 'Pairing…',
      find: 'Find the hub on the network',
      finding: 'Looking for store hubs…',
      found: 'Found on the network (choose one):',
      noneFound: 'No store hub answered on the network; type the address shown on the hub till.',
      paired: 'Paired with the store hub at {{address}}',
      notPaired: 'Not paired with a store hub yet',
      badCode: 'A pairing code is 8 letters and digits, e.g. ABCD-EFGH',
      badAddress: 'Type the hub address, e.g. 192.168.1.20:7420'
    },
    link: {
      connected: 'Connected to the store hub',
      degraded: 'The store hub is not answering; coupons are checked against this till only',
      repair: 'The store hub was replaced: pair again with the new code',
      not_paired: 'Not paired'
    },
    refused: {
      PAIRING_CODE_INVALID:
        'The pairing code is wrong, already used or expired. Make a new code on the hub till and type it again.',
      PAIRING_LOCKED: 'Too many wrong codes: pairing is paused for a few minutes. Wait, then use a new code.',
      STORE_MISMATCH: 'That store hub belongs to another store. Check the address.',
      other: 'The store hub refused the pairing. Make a new code on the hub till and try again.'
    }
  },
  errors: {
    LOCKED: 'The till is locked; type your PIN to unlock',
    WRONG_PIN: 'Wrong PIN; try again',
    PIN_LOCKED: 'Too many wrong PINs; wait {{seconds}} s and try again',
    UNKNOWN_STAFF: 'This person is not on the staff list; choose again',
    NOT_A_MANAGER: 'This person is not a manager and cannot approve',
    BAD_PIN: 'A PIN is 4 to 8 digits',
    STAFF_EXISTS: 'Someone with this name already exists',
    STAFF_INACTIVE:
      'This person has been deactivated and cannot sign in or act; ask a manager to reactivate them',
    LAST_MANAGER:
      'This is the last active manager: they cannot be deactivated or made a cashier. Make someone else a manager first.',
    PIN_UNCHANGED: 'The new PIN is the same as the current one; choose another',
    RESET_OWN_PIN: 'You cannot reset your own PIN; use “Change my PIN” (needs your current PIN)',
    ALREADY_SET_UP: 'The manager account already exists; sign in instead',
    APPROVAL_INVALID: 'The manager approval expired or was for another scan; ask again',
    MANAGER_PIN_REQUIRED: 'A manager must type their PIN for this redemption',
    CARD_NOT_PICKED: 'Pick which coupon this is before redeeming it',
    NOT_REDEEMABLE: 'This coupon cannot be redeemed now',
    CONFIRM_WARNINGS: 'Confirm the warnings above first',
    DUPLICATE: 'This coupon was just redeemed on this till; scan it again to see when',
    STORE_HUB_UNREACHABLE:
      'The store hub does not answer at that address; check the address and that the hub is running',
    STORE_PAIRING_REFUSED:
      'The store hub refused the pairing code; ask for a new code on the hub and type it again',
    STORE_HUB_IS_HUB:
      'This till is the store hub itself; choose “joins a store hub” first to pair with another hub',
    STORE_HUB_BAD_ADDRESS:
      'That is not a hub address; type it as shown on the hub till, e.g. 192.168.1.20:7420',
    STORE_HUB_REVOKE_SELF: 'The hub till cannot remove itself',
    STORE_HUB_NOT_RUNNING: 'The store hub on this till is not running yet; wait until it says “running”',
    STORE_HUB_ADMIN_REFUSED: 'The store hub refused the request; restart the station and try again',
    CHAIN_HUB_UNREACHABLE:
      'Headquarters’ server does not answer at that address; check the address and the network',
    CHAIN_ENROLMENT_REFUSED:
      'Headquarters’ server refused the enrolment code; ask headquarters for a new code and type it again',
    CHAIN_DUPLICATE:
      'DUPLICATE! Already redeemed at {{store}}, {{station}}, by {{cashier}} at {{time}}. Do NOT redeem it again',
    STORE_DUPLICATE:
      'DUPLICATE! Already redeemed at {{station}} by {{cashier}} at {{time}}. Do NOT redeem it again',
    DB_DAMAGED:
      'The station database is damaged: changes are stopped and nothing was changed. A manager should restore the latest good backup',
    LOOKUP_EXPIRED: 'This scan has expired; scan again',
    SCAN_EXPIRED: 'This scan has expired; scan again',
    ALREADY_VOIDED: 'This redemption was already voided',
    VOID_SYNCED: 'This redemption is already confirmed by WeChat and cannot be voided here',
    VOID_IN_FLIGHT: 'This redemption is being sent to WeChat right now; try the void again in a moment',
    SETUP_SECRET_MISSING: 'The AppSecret is not filled in yet; enter it in the Connection step',
    SETUP_NOT_LIVE_READY:
      'Set-up is not complete, so the station cannot go live yet; finish it and test the connection first',
    BAD_DEVICE_CONFIG: 'Some device settings are not valid; check the fields marked in red',
    DEVICES_FAILED: 'The scanners could not be started; check them on the Devices page',
    BAD_PRINTER_CONFIG: 'The printer settings are not valid; check the address, port or serial port',
    PRINTER_NOT_CONFIGURED:
      'No receipt printer is set up on this till; a manager can add one under Devices → Printer',
    FORBIDDEN_SENDER: 'This window may not use the station service',
    DB_CORRUPT: 'The database file is damaged; nothing was written. Restore the latest backup',
    DB_UNREADABLE: 'The database file cannot be read; nothing was written',
    DB_TOO_NEW: 'The database comes from a newer version of the station; update the app before opening it',
    DB_MIGRATION_FAILED: 'Upgrading the database failed; it was left as it was. Contact support',
    UNKNOWN_CHANNEL: 'The station service does not support this yet; update the app',
    NOT_FOUND: 'Record not found',
    DISCONNECTED: 'Lost the connection to the station service; reconnecting…',
    BAD_REQUEST: 'Invalid request',
    FORBIDDEN: 'Only a manager may do this',
    NOT_SIGNED_IN: 'Please sign in first',
    INTERNAL: 'Something went wrong; it was logged and nothing was changed',
    STORE_UNCHECKED_OVER_LIMIT:
      'NOT REDEEMED. The store hub is not answering, and this coupon ({{amount}} off) is above the store limit of {{limit}} for redemptions not checked with the store. Ask the customer to wait and scan again, or call the manager',
    STORE_NOT_PAIRED: 'This till is not paired with a store hub',
    STORE_POLICY_STALE:
      'Another manager changed the store policy just now; the new setting is shown. Check it and save again if needed',
    STORE_HUB_REFUSED: 'The store hub refused this; pair this till again if it keeps happening',
    unknown: 'Error: {{message}}'
  },
  setup: {
    reminder: {
      title: 'This station has not been set up yet',
      body: 'Name the store and the till, connect WeChat cards and set the rules. Until then it runs in training mode: practise with the training coupons.',
      open: 'Set up now'
    },
    title: 'Settings',
    titleFirstRun: 'First set-up',
    steps: { store: 'Store', upstream: 'Connection', policy: 'Approval and offline rules', done: 'Done' },
    back: 'Back',
    next: 'Next',
    store: {
      storeName: 'Store name',
      storeLocationId: 'WeChat store id (POI)',
      storeLocationIdHelp:
        'The numeric id from the store management of the Official Account platform; store-restricted cards check it. May stay empty for now.',
      stationName: 'Station name',
      timeZone: 'Time zone',
      timeZoneHelp: 'An IANA time zone, e.g. Asia/Shanghai',
      cutoff: 'Business-day cut-off',
      cutoffHelp: 'HH:mm, e.g. 04:00: redemptions before 4 am count to the previous business day'
    },
    upstream: {
      training: 'Training (built-in sandbox)',
      wechat: 'WeChat direct',
      tokenService: 'Token service',
      trainingHelp: 'Practise on the built-in sandbox; no real coupon is affected.',
      wechatHelp:
        'Connect to the WeChat card API with the Official Account’s AppID and AppSecret; this station’s public IP must be whitelisted.',
      tokenServiceHelp:
        'Access tokens come from the chain’s central token service (recommended for chains: the AppSecret stays off the tills).',
      appId: 'AppID',
      appSecret: 'AppSecret',
      secretSet: 'Set; leave empty to keep it',
      secretNotSet: 'Not set',
      baseUrl: 'API address (optional)',
      baseUrlHelp: 'Empty means https://api.weixin.qq.com; only for a proxy (https only)',
      url: 'Token service URL',
      stationKey: 'Station key (optional)',
      test: 'Test connection',
      found: 'Connected: {{count}} cards found'
    },
    rules: {
      title: 'Approval rules',
      intro:
        'A live counter applies these rules online and offline: above a threshold it asks for a manager PIN or a confirmation. On a live station they apply as soon as they are saved and are written to the audit log; training keeps its own practice rules.',
      highValue: 'High-value threshold',
      highValueHelp: 'Coupons worth this much or more need a manager PIN before they are redeemed.',
      maxShare: 'Largest discount share of the bill',
      maxShareHelp:
        'When the discount is more than this share of the bill, the cashier confirms once more (compliance: at most 50 %).',
      velocity: 'Coupons per customer per day',
      velocityHelp:
        'Warn the cashier when the same customer has already redeemed this many coupons today; 0 turns the check off.',
      offlineTitle: 'Offline rules'
    },
    policy: {
      intro:
        'When WeChat cannot be reached, the station decides with these rules whether to redeem offline. Offline redemptions are marked pending and sent when the connection is back. These are the live rules: they start from the safe defaults, and training’s practice settings are not copied.',
      maxFaceValue: 'Largest coupon value per offline redemption',
      maxFaceValueHelp:
        'Coupons worth more need a manager PIN offline (or are refused); 0 means every money coupon does.',
      maxPerDay: 'Offline redemptions per business day',
      maxPerDayHelp: 'Beyond this number an offline redemption needs a manager PIN (or is refused).',
      allowUnknown: 'Allow unknown cards',
      allowUnknownHelp:
        'When a code’s card is not cached, the cashier may pick the coupon from the store’s active cards; in live mode a manager must approve each one.',
      managerOverride: 'Manager may override the limits',
      managerOverrideHelp: 'On: over a limit a manager PIN lets it through; off: over a limit is refused.'
    },
    stepProblems: 'Something on this step needs fixing (see the red text above).',
    invalid: {
      storeName: 'Enter the store name (at most 60 characters).',
      storeLocationId:
        'The store id is a number only (the WeChat store id); leave it empty if you do not know it.',
      stationName: 'Enter the till name (at most 40 characters).',
      timeZone: 'Not a known time zone name: type one like Asia/Shanghai.',
      cutoff: 'Type the day-close time as hours:minutes, e.g. 04:00.',
      appId: 'The AppID starts with wx followed by 16 letters or digits, e.g. wx1234567890abcdef.',
      appSecret: 'Enter the AppSecret (at most 200 characters).',
      baseUrl: 'Not a valid address: type a full https address, or leave it empty for WeChat itself.',
      url: 'Not a valid token service address: type a full https address.',
      stationKey: 'Enter the station key (at most 200 characters).',
      other: 'This setting is not right; check it.'
    },
    done: {
      save: 'Save settings',
      saved: 'Settings saved',
      appliedLive:
        'In effect now: the next look-ups, syncing and card updates use the new connection; no restart.',
      appliedAtGoLive:
        'Training keeps using the built-in sandbox; this WeChat connection is used once the station is switched to live and restarted.',
      fix: 'Please fix first:',
      plainSecrets:
        'Note: this machine has no OS keychain; secrets are kept unencrypted in the data folder. Protect that folder.',
      liveTitle: 'Go live',
      liveBody:
        'The station must be restarted afterwards; live uses a fresh database and no training data (staff accounts included) is carried over.',
      goLiveUntestedTitle: 'The connection test did not pass. Go live anyway?',
      goLiveFailedBody:
        'The last connection test failed. Once live, the station will not reach WeChat cards and can only redeem offline. Go back to step 2, fix the connection and test it first.',
      goLiveUntestedBody:
        'This connection has not been tested. If it cannot reach WeChat cards once live, the station can only redeem offline. Go back to step 2 and test it first.',
      goLiveAnyway: 'Go live anyway',
      goLiveBack: 'Back, test the connection first',
      goLive: 'Go live'
    }
  },
  reasons: {
    ALREADY_REDEEMED_LOCAL: 'Already redeemed{{timePart}}{{stationPart}}{{cashierPart}}',
    QUEUED_IN_OUTBOX: 'Already redeemed{{timePart}}{{stationPart}}{{cashierPart}}; waiting to sync to WeChat',
    UPSTREAM_CONSUMED: 'WeChat says this coupon was already redeemed (maybe at another store or till)',
    EXPIRED: 'This coupon has expired{{untilPart}}',
    NOT_YET_VALID: 'This coupon is not valid yet{{fromPart}}',
    GIFTING:
      'The customer is gifting this coupon to a friend; it cannot be used until the gift is accepted or returned',
    GIFT_TIMEOUT: 'The gift of this coupon timed out and it is going back to the customer; scan again later',
    DELETED_BY_USER: 'The customer deleted this coupon from their WeChat card bag',
    UNAVAILABLE: 'This coupon was invalidated by the merchant',
    UNKNOWN_CODE:
      'This code is not valid: WeChat does not know it (not claimed, gifted to someone else, or the wrong coupon was chosen)',
    INVALID_USER_CARD_STATE: 'This coupon was deleted, is being gifted, has expired or was invalidated',
    UNKNOWN_USER_CARD_STATUS:
      'WeChat returned a coupon status the station does not know{{statusPart}}; do not redeem',
    CANNOT_CONSUME: 'WeChat says this coupon cannot be redeemed now',
    UPSTREAM_ERROR: 'WeChat returned an error{{errcodePart}}; try again shortly',
    STATUS_NOT_CHECKED: 'The coupon status has not been checked with WeChat yet; scan again',
    CARD_MISMATCH: 'This code belongs to a different coupon than the one chosen',
    CARD_DELETED: 'The merchant has deleted this coupon type; it cannot be redeemed',
    CARD_DETAILS_MISSING:
      'This station does not have the details of this coupon yet; try again or choose the coupon type',
    UNREADABLE_CARD: 'The coupon details could not be read, so it cannot be redeemed{{detailPart}}',
    MEMBER_CARD_NOT_REDEEMABLE: 'This is a member card: it can be shown, not redeemed',
    UNKNOWN_CARD_TYPE:
      'This station does not know this kind of coupon{{cardTypePart}}; check what it offers before redeeming',
    VALIDITY_FROM_RECEIPT:
      'This coupon is valid from the day it was claimed{{daysPart}}; check the dates on the customer’s phone',
    OUTSIDE_HOURS: 'This coupon can only be used {{hours}}; not now',
    WRONG_WEEKDAY: 'This coupon can only be used on {{weekdays}}; not today',
    WRONG_STORE: 'This coupon is only valid at certain stores{{storesPart}}; not at this one',
    STORE_NOT_CONFIGURED:
      'This coupon is only valid at certain stores{{storesPart}} and this station has no store id set; check it applies here',
    NEEDS_BILL_AMOUNT: 'Enter the bill amount{{minSpendFenPart}}',
    INVALID_BILL_AMOUNT: 'The bill amount is not valid; enter it again',
    BELOW_MIN_SPEND: 'This coupon needs a spend of at least {{minSpendFen}}; this bill is {{billFen}}',
    NO_CHANGE_GIVEN:
      'The coupon ({{faceValueFen}}) is worth more than the bill ({{billFen}}); the {{changeFen}} difference is not given as change',
    NO_STACKING: 'This coupon cannot be combined with other offers, and this bill already has one',
    HIGH_VALUE: 'High-value coupon ({{faceValueFen}}); verify the customer',
    OVER_HALF_OF_BILL: 'The discount {{discountFen}} is more than {{percent}}% of the bill {{billFen}}',
    VELOCITY: 'This customer has already redeemed {{count}} coupons today; take care',
    OFFLINE: 'Offline: this redemption is kept on the station and synced to WeChat later (pending)',
    OFFLINE_FACE_VALUE_CAP:
      'While offline a coupon may be worth at most {{limitFen}}; this one is {{faceValueFen}}',
    OFFLINE_DAILY_CAP:
      'The offline limit of {{max}} redemptions per business day{{dayPart}} has been reached',
    OFFLINE_UNKNOWN_CARD: 'Offline, and this station does not have the details of this coupon',
    OFFLINE_PICK_CARD:
      'Offline, and this station does not know which coupon this code is: pick the coupon the customer shows, then a manager must approve',
    OFFLINE_PICKED_CARD:
      'Offline, and the coupon was picked by the cashier without WeChat confirming it: a manager must enter their PIN',
    OFFLINE_NO_CARDS:
      'Offline: this station does not know this code and has no coupons stored to choose from, so it cannot be redeemed; scan it again once the network is back',
    ENCRYPTED_CODE_OFFLINE:
      'This is an encrypted code, which cannot be decoded while offline; ask the customer to show the coupon QR code',
    CUSTOM_CODE_CARD_NEEDED:
      'WeChat does not know this code. If it is a merchant-defined code, choose its coupon; otherwise the code is not valid',
    STATION_SETTINGS_INVALID: 'The station settings are wrong{{detailPart}}; call the manager',
    RULES_ERROR: 'Checking this coupon failed, so it cannot be redeemed; call the manager'
  },
  reasonWords: { unknown: 'unknown' },
  reasonParts: {
    ALREADY_REDEEMED_LOCAL: {
      time: ' at {{time}}',
      station: ' on till {{station}}',
      cashier: ' by {{cashier}}'
    },
    QUEUED_IN_OUTBOX: {
      time: ' at {{time}}',
      station: ' on till {{station}}',
      cashier: ' by {{cashier}}'
    },
    EXPIRED: {
      until: ' (valid until {{until}})'
    },
    NOT_YET_VALID: {
      from: '; it can be used from {{from}}'
    },
    UNKNOWN_USER_CARD_STATUS: {
      status: ' ("{{status}}")'
    },
    UPSTREAM_ERROR: {
      errcode: ' (code {{errcode}})'
    },
    UNREADABLE_CARD: {
      detail: ' ({{detail}})'
    },
    UNKNOWN_CARD_TYPE: {
      cardType: ' ({{cardType}})'
    },
    VALIDITY_FROM_RECEIPT: {
      days: ' ({{days}} days)'
    },
    WRONG_STORE: {
      stores: ' (store ids {{stores}})'
    },
    STORE_NOT_CONFIGURED: {
      stores: ' (store ids {{stores}})'
    },
    NEEDS_BILL_AMOUNT: {
      minSpendFen: ' (minimum spend {{minSpendFen}})'
    },
    OFFLINE_DAILY_CAP: {
      day: ' ({{day}})'
    },
    STATION_SETTINGS_INVALID: {
      detail: ' ({{detail}})'
    }
  },
  wechat: {
    errcodeUnknown: 'WeChat error {{errcode}}',
    withCode: '{{text}} ({{errcode}})',
    statusUnknown: 'Coupon status: {{status}}',
    errcode: {
      40001: 'Access token invalid or replaced',
      40002: 'Bad token request (grant_type)',
      40013: 'Wrong AppID: check the settings',
      40014: 'Access token is not valid',
      40056: 'Invalid code: not claimed, gifted away, or wrong card for a custom code',
      40066: 'Wrong API address: check the settings',
      40071: 'Member card: it cannot be redeemed',
      40073: 'Card id invalid or not of this account',
      40075: 'Invalid encrypt_code',
      40078: 'Card not usable (not approved or deleted)',
      40079: 'Coupon is outside its valid time',
      40097: 'Invalid request arguments',
      40099: 'This code has already been redeemed',
      40116: 'Invalid code',
      40125: 'Wrong AppSecret: check the settings',
      40127: 'Coupon deleted by the user, being gifted, expired or made unavailable',
      40164: 'This IP is not in the account’s IP whitelist',
      40243: 'AppSecret is frozen',
      41001: 'Access token missing',
      41002: 'AppID missing',
      41004: 'AppSecret missing',
      41011: 'Missing required fields',
      41012: 'Card id missing',
      42001: 'Access token expired',
      43001: 'GET required',
      43002: 'POST required',
      43009: 'No permission for custom codes',
      44002: 'Empty request body',
      45009: 'Daily API quota used up; resumes tomorrow (or after the quota is reset)',
      45011: 'Too many calls; retrying next minute',
      45030: 'This card has no API permission',
      47001: 'Request format error',
      48001: 'The account is not authorised for this API (card feature not enabled?)',
      50002: 'Account restricted (frozen or closed)',
      61500: 'Date format error',
      61501: 'Date range error',
      89501: 'Call from a new IP awaits admin confirmation',
      89503: 'Call from a new IP awaits admin confirmation',
      89506: 'Admin rejected this IP (24 h)',
      89507: 'Admin rejected this IP (1 h)',
      '-1': 'WeChat is busy; try again shortly'
    },
    status: {
      EXPIRE: 'Coupon expired',
      GIFTING: 'Coupon is being gifted to a friend',
      GIFT_TIMEOUT: 'Coupon gift timed out',
      DELETE: 'Coupon deleted by the user',
      UNAVAILABLE: 'Coupon made unavailable by the merchant'
    },
    syncReason: {
      used_elsewhere: 'WeChat says this code was redeemed elsewhere first',
      card_mismatch: 'WeChat’s card differs from the one picked offline; not redeemed on WeChat',
      card_mismatch_consumed: 'Redeemed on WeChat, but WeChat’s card differs from the one recorded',
      consumed_unverified:
        'WeChat shows this code as redeemed, but our request got no clear answer: it may have been redeemed elsewhere first. A manager must check',
      not_yet_valid:
        'The coupon was not yet valid when it was redeemed (before its start time); not redeemed on WeChat',
      expired_when_redeemed:
        'The coupon had expired when it was redeemed (after its end time); not redeemed on WeChat',
      cannot_consume: 'WeChat says this code cannot be redeemed now; not redeemed on WeChat'
    }
  },
  scanReject: {
    EMPTY: 'Nothing was read. Please scan again.',
    TOO_LONG: 'Too long: a coupon code has at most {{max}} characters. Check it and scan again.',
    BINARY_GARBAGE:
      "Unreadable data received. Check the scanner's interface settings (mode, baud rate) and scan again.",
    IME_MANGLED:
      'The scan contains Chinese characters; a Chinese input method probably intercepted it. Switch to English input and scan again.',
    NON_ASCII:
      'It contains characters a coupon code cannot have. Check it, then scan again or type the code.',
    INVALID_CHARACTERS:
      'A coupon code may only contain digits, letters, "-" and "_". Check it and scan again.',
    MALFORMED_URL: 'The link is malformed, so no coupon code could be read from it.',
    URL_WITHOUT_CODE: 'This link carries no coupon code (code or encrypt_code).',
    BAD_ENCRYPT_CODE: 'The encrypted code (encrypt_code) is malformed.',
    BAD_CARD_ID: 'The card_id in the link is malformed.',
    FRAME_OVERFLOW:
      "Scanner data ran past {{max}} bytes without an end marker; check the scanner's suffix setting."
  },
  exportFile: {
    fileName: { base: 'redemptions', training: '_TRAINING' },
    title: {
      heading: 'Redemptions {{from}} – {{to}}',
      headingTraining: 'Redemptions {{from}} – {{to}} (TRAINING)',
      zone: 'Time zone {{zone}}; generated {{at}}'
    },
    sheet: { totals: 'Totals', rows: 'Redemptions' },
    column: {
      businessDay: 'Business day',
      redeemedAt: 'Redeemed at',
      code: 'Code',
      coupon: 'Coupon',
      cardType: 'Card type',
      cardId: 'Card ID',
      cashier: 'Cashier',
      station: 'Station',
      bill: 'Bill (CNY)',
      discount: 'Discount (CNY)',
      payable: 'Payable (CNY)',
      faceValue: 'Face value (CNY)',
      channel: 'Channel',
      syncStatus: 'Sync status',
      counted: 'Counted',
      statusReason: 'Status reason',
      settledAt: 'Settled at',
      approvedBy: 'Approved by',
      voidedAt: 'Voided at',
      voidReason: 'Void reason',
      resolution: 'Resolution',
      resolutionNote: 'Resolution note',
      resolvedBy: 'Resolved by',
      customer: 'Customer (masked)',
      recordId: 'Record ID'
    },
    totalsHeader: {
      section: 'Section',
      name: 'Name',
      count: 'Count',
      discount: 'Discount (CNY)',
      bill: 'Bill (CNY)',
      payable: 'Payable (CNY)'
    },
    section: {
      totals: 'Totals (voided excluded)',
      status: 'By sync status',
      stale: 'of which stale',
      voided: 'Voided (not counted)',
      card: 'By coupon',
      type: 'By card type',
      cashier: 'By cashier',
      channel: 'Online / offline',
      hour: 'By hour'
    },
    channel: { online: 'Online', offline: 'Offline' },
    counted: { yes: 'yes', no: 'no' }
  },
  connectionTest: {
    BAD_APP_ID: 'Invalid AppID (40013): check the Official Account’s AppID (wx followed by 16 characters).',
    BAD_APP_SECRET:
      'Wrong AppSecret (40125): check or reset it in the Official Account platform (Settings → Basic configuration).',
    IP_NOT_WHITELISTED:
      'This station’s public IP is not on the account’s IP whitelist (40164): add it in the Official Account platform, or use a token service.',
    NO_CARD_PERMISSION:
      'The account is not authorised for the card API (48001): make sure the card feature (卡券) is enabled and the account is verified.',
    TIMEOUT: 'Could not reach the server (timeout): check the network and the address.',
    NETWORK: 'Could not reach the server (network error): check the network and the address.',
    REFUSED: 'Connection failed: {{text}} (errcode {{errcode}})',
    FAILED: 'Connection failed: the server’s answer could not be used; try again later or check the address.',
    UNREACHABLE: 'Could not reach the server: check the network and the address.'
  },
  goLive: {
    restartsItself:
      'Switched to live. The station restarts itself in a few seconds and opens a fresh live database; no training data is carried over.',
    restartYourself:
      'Switched to live. Restart the station: it then opens a fresh live database; no training data is carried over.'
  },
  startup: {
    damaged: {
      message: 'The station database is damaged and cannot be opened.',
      latestBackup: 'Latest good backup: {{at}}',
      movedAside:
        'The damaged file is moved aside, not deleted; redemptions made after the backup must be checked against WeChat.',
      restore: 'Restore this backup',
      quit: 'Quit'
    }
  },
  trainingScenario: {
    CASH_NO_THRESHOLD: {
      title: 'No-minimum cash coupon',
      description: 'No-minimum ¥10 cash coupon: redeem straight away.'
    },
    CASH_MIN_SPEND: {
      title: 'Spend ¥100, ¥10 off',
      description: 'Spend ¥100, get ¥10 off: enter the bill (e.g. ¥120); from ¥100 it can be redeemed.'
    },
    DISCOUNT_NEEDS_AMOUNT: {
      title: '30% off (7折)',
      description: '30% off (7折): enter the bill; the customer pays 70% (¥100 → ¥70).'
    },
    GIFT: {
      title: 'Gift coupon',
      description: 'Gift coupon: one medium Americano, no money off.'
    },
    GROUPON: {
      title: 'Group-buy coupon',
      description: 'Group-buy coupon: lunch set for two; the deal is recorded.'
    },
    GENERAL_COUPON: {
      title: 'General coupon',
      description: 'General coupon: member-day offer; the offer text is recorded.'
    },
    NO_STACKING: {
      title: 'Not combinable',
      description: '¥5 coupon that cannot be combined: warns when another discount is already applied.'
    },
    ALREADY_CONSUMED: {
      title: 'Already redeemed',
      description: 'Redeemed yesterday: must show the duplicate warning.'
    },
    EXPIRED: {
      title: 'Expired',
      description: 'Expired coupon: refused (expired coupons are void).'
    },
    NOT_YET_VALID: {
      title: 'Not yet valid',
      description: 'Starts in 3 days: refused.'
    },
    OUTSIDE_HOURS: {
      title: 'Outside hours',
      description: 'Time-limited coupon, only {{hours}} daily: refused now.'
    },
    WRONG_STORE: {
      title: 'Other store only',
      description: 'Only valid at other stores: refused here.'
    },
    BELOW_MIN_SPEND: {
      title: 'Below minimum spend',
      description: 'Spend ¥300, get ¥30 off: a bill below ¥300 (e.g. ¥50) is refused.'
    },
    BEING_GIFTED: {
      title: 'Being gifted',
      description: 'Being gifted to a friend: refused until accepted or returned.'
    },
    GIFT_TIMEOUT: {
      title: 'Gift timed out',
      description: 'Gift timed out: refused; the customer can try again later.'
    },
    DELETED_BY_USER: {
      title: 'Deleted',
      description: 'Deleted from the customer’s card bag: refused.'
    },
    UNAVAILABLE: {
      title: 'Invalidated',
      description: 'Invalidated by the merchant: refused.'
    },
    HIGH_VALUE: {
      title: 'High value',
      description: '¥200 high-value coupon: needs a manager PIN.'
    },
    MEMBER_CARD: {
      title: 'Member card',
      description: 'Member card: shows member info, cannot be redeemed.'
    },
    CUSTOM_CODE: {
      title: 'Custom code',
      description:
        'Custom code (starts with 88): WeChat cannot tell which coupon it belongs to, so the counter asks you to choose the coupon — pick “合作方15元券” (the partner ¥15 coupon), then it can be redeemed.'
    },
    UNKNOWN_CODE: {
      title: 'Unknown code',
      description:
        'A code WeChat does not know: as this store has custom-code coupons, the counter first asks which coupon it is; whichever you pick, it is refused.'
    },
    NETWORK_DOWN: {
      title: 'Network down',
      description:
        'Network-down drill: the scan cuts the sandbox off for 20 s; the station goes offline and redeems under the offline policy (pending sync).'
    }
  },
  storeDay: {
    scope: { thisTill: 'This till', store: 'Whole store' },
    title: 'Business day {{day}}',
    intro:
      'Every till of the store, as the store hub reported them. Each till still closes its own day on its own Z report.',
    waiting:
      '{{n}} redemption(s) of this till have not reached the store hub yet; they join this view once they do.',
    latest: 'Latest redemption known to the store hub: {{time}}',
    empty: 'No till of the store has redeemed anything on this day yet.',
    notPaired: 'This till is not paired with a store hub, so only its own day can be shown.',
    byTill: 'By till',
    column: {
      till: 'Till',
      count: 'Redemptions',
      discount: 'Discount',
      held: 'Still open',
      voided: 'Voided (not counted)',
      cashiers: 'Cashiers',
      hours: 'First – last'
    },
    thisTill: 'this till',
    total: 'Store total',
    heldNote: '“Still open”: the till claimed the coupon but has not yet confirmed that it redeemed it.',
    cashierLine: '{{name}}: {{count}} · {{discount}}',
    zTitle: 'Store Z report',
    zPrint: 'Print store Z report',
    zNote:
      'A summary of the whole store from the store hub at {{time}} ({{zone}}). It does not close any till’s day.',
    export: { csv: 'Export CSV', xlsx: 'Export Excel' },
    status: { held: 'Still open', completed: 'Redeemed', voided: 'Voided' },
    file: {
      base: 'store-day',
      heading: 'Whole store, business day {{day}}',
      headingTraining: 'Whole store, business day {{day}} (TRAINING)',
      zone: 'Time zone {{zone}}; generated {{at}}',
      sheetByTill: 'By till',
      sheetRows: 'Redemptions',
      column: {
        till: 'Till',
        cashier: 'Cashier',
        at: 'Redeemed at',
        code: 'Code',
        amount: 'Discount (CNY)',
        status: 'Status'
      },
      byTill: {
        till: 'Till',
        count: 'Redemptions',
        discount: 'Discount (CNY)',
        held: 'Still open',
        voidedCount: 'Voided',
        voidedDiscount: 'Voided discount (CNY)',
        total: 'Store total'
      }
    },
    policy: {
      title: 'When the store hub does not answer',
      intro:
        'A till that cannot reach the store hub cannot check the other tills. Up to this discount it still redeems (marked “not checked with the store”); above it, the counter refuses. This applies to every till of the store.',
      noLimit: 'No limit',
      refuseAll: 'Refuse all (¥0)',
      upTo: 'Up to an amount',
      amount: 'Largest discount (¥)',
      save: 'Save for the whole store',
      saved: 'Saved at the store hub; every till of the store uses it now',
      nowNoLimit: 'Now: no limit',
      nowRefuseAll: 'Now: every coupon is refused while the hub does not answer',
      nowUpTo: 'Now: up to {{amount}}',
      setBy: 'Set by {{name}} at {{till}}, {{time}}',
      neverSet: 'Not set yet: no limit',
      badAmount: 'Type an amount in yuan, e.g. 20 or 20.50'
    },
    conflicts: {
      show: { open: 'Open', resolved: 'Resolved' },
      resolve: 'Mark resolved',
      resolveTitle: 'Resolve: redeemed at two tills',
      note: 'What was done',
      notePlaceholder: 'e.g. the customer paid the ¥10 back in cash; told 1号机',
      submit: 'Mark resolved',
      resolved: 'Resolved by {{name}} at {{time}}: {{note}}',
      done: 'Marked resolved',
      noneResolved: 'No resolved item yet'
    },
    auditResolved: 'Code {{code}}, first redeemed at {{till}}'
  },
  /** The HQ page served by the chain hub (src/renderer/hq, docs/hq.md). */
  chainLinkSetup: {
    title: 'Headquarters',
    intro:
      'Send every redemption of this till to headquarters, which sees the whole chain and catches a coupon used in two stores. Sending never makes the counter wait.',
    state: {
      not_enrolled: 'Not enrolled with headquarters',
      starting: 'Enrolled: connecting to headquarters…',
      connected: 'Connected to headquarters',
      degraded: 'Headquarters not reached: redemptions wait on this till and are sent later',
      enrol_again: 'Headquarters refused this till: enrol it again with a new code'
    },
    store: 'Store at headquarters: {{name}}',
    address: 'Headquarters address',
    addressHelp: 'As headquarters gave it, for example hq.example.com:7430',
    badAddress: 'Enter the address headquarters gave you',
    code: 'Enrolment code',
    codeHelp: 'Made by headquarters for this store; single use',
    badCode: 'Enter the enrolment code headquarters gave you',
    submit: 'Enrol with headquarters',
    enrolAgain: 'Enrol again',
    enrolling: 'Enrolling…',
    enrolled: 'Enrolled with headquarters as {{name}}',
    waiting: 'Waiting to be sent: {{count}}',
    waitingNone: 'Nothing waiting to be sent',
    lastOk: 'Last taken by headquarters: {{time}}',
    lastOkNever: 'Headquarters has not taken anything yet',
    lastError: 'Last problem: {{reason}}',
    reason: {
      UNREACHABLE: 'headquarters did not answer (network or address)',
      BUSY: 'headquarters was busy and asked to wait',
      TOKEN_REVOKED: 'headquarters stopped this till',
      TOKEN_UNKNOWN: 'headquarters does not know this till',
      other: 'headquarters refused the records'
    },
    refused: {
      ENROLMENT_CODE_INVALID: 'The enrolment code is wrong, used or expired: ask headquarters for a new one',
      ENROLMENT_LOCKED:
        'Too many wrong enrolment codes: headquarters paused enrolment here for a while. Wait, then try the right code',
      TILL_ID_TAKEN: 'Headquarters has this till in another store: ask headquarters to stop it there first',
      STORE_UNKNOWN: 'Headquarters does not know this store',
      other: 'Headquarters refused the enrolment: ask headquarters for a new code'
    }
  },
  hq: {
    title: 'Hexiao · Headquarters',
    switchLanguage: '中文',
    signIn: {
      title: 'HQ sign-in',
      login: 'Login',
      password: 'Password',
      submit: 'Sign in',
      required: 'Enter your login and password'
    },
    signOut: 'Sign out',
    role: {
      hq_admin: 'HQ admin',
      regional_viewer: 'Regional viewer ({{region}})'
    },
    nav: {
      day: 'Business day',
      quiet: 'Stores gone quiet',
      duplicates: 'Cross-store duplicates',
      tills: 'Stores and tills'
    },
    day: {
      date: 'Business date',
      store: 'Store',
      allStores: 'All stores',
      count: 'Redemptions',
      amount: 'Discount',
      voided: 'Voided',
      byStore: 'By store',
      byTill: 'By till',
      byCard: 'By coupon',
      byHour: 'By hour',
      hourLabel: '{{hour}}:00',
      badDate: 'Enter a date like 2026-12-05',
      hourNote: "Hours on each store's local clock",
      tillOf: '{{till}} ({{store}})',
      empty: 'No redemptions on this business date',
      exportCsv: 'Export CSV',
      exportXlsx: 'Export Excel',
      totalLine: '{{count}} redemptions, {{amount}} discount in total'
    },
    quiet: {
      threshold: 'Quiet after',
      minutes: '{{count}} minutes',
      hours: '{{count}} hours',
      lastEvent: 'Last redemption data',
      lastSeen: 'Last contact',
      never: 'Never',
      queue: 'Waiting on tills',
      queueCount: '{{count}} events',
      silentFor: 'Silent for {{duration}}',
      quietTag: 'QUIET',
      okTag: 'OK',
      zone: 'Store time zone',
      tills: 'Tills',
      revokedTill: 'Revoked',
      none: 'Every store is sending on time',
      summary: '{{quiet}} of {{total}} stores quiet'
    },
    duplicates: {
      none: 'No cross-store duplicates found',
      title: 'One coupon redeemed twice',
      card: 'Coupon',
      code: 'Code',
      foundAt: 'Found',
      first: 'First redemption (stands)',
      second: 'Second redemption (duplicate)',
      store: 'Store',
      till: 'Till',
      cashier: 'Cashier',
      time: 'Redeemed (store time)',
      amount: 'Discount',
      status: 'Status',
      unknown: 'Unknown',
      count: '{{count}} in all'
    },
    tills: {
      addStore: 'Add a store',
      storeId: 'Store ID',
      storeName: 'Store name',
      region: 'Region',
      timeZone: 'Time zone',
      save: 'Save',
      makeCode: 'Make an enrolment code',
      codeTitle: 'Till enrolment code',
      codeOnce: 'Write it down or send it to the store now: it is shown only once and works only once.',
      validUntil: 'Valid until {{time}}',
      close: 'I have noted it',
      revoke: 'Revoke',
      revokeConfirm: 'Revoke till "{{till}}"? It will no longer send data or get WeChat tokens.',
      revokeOk: 'Revoke',
      cancel: 'Cancel',
      revoked: 'Revoked',
      active: 'Active',
      enrolledAt: 'Enrolled',
      lastEvent: 'Last upload',
      openCodes_one: '{{count}} enrolment code not used yet',
      openCodes_other: '{{count}} enrolment codes not used yet',
      noTills: 'No tills yet',
      viewerNote: 'Read-only: a regional viewer cannot enrol or revoke tills',
      storeAdded: 'Store added'
    },
    status: {
      pending: 'Pending sync',
      synced: 'Redeemed',
      conflict: 'Conflict to resolve',
      rejected: 'Refused by WeChat',
      voided: 'Voided',
      resolved: 'Resolved',
      other: 'Other'
    },
    zone: {
      beijing: 'Beijing time',
      behind: '{{h}} h behind Beijing',
      ahead: '{{h}} h ahead of Beijing'
    },
    duration: {
      minutes: '{{m}} min',
      hours: '{{h}} h {{m}} min',
      days: '{{d}} d {{h}} h'
    },
    error: {
      SIGNED_OUT: 'Your session ended; please sign in again',
      SIGNIN_FAILED: 'Wrong login or password',
      LOCKED: 'Too many wrong passwords: the account is locked until {{time}}',
      FORBIDDEN: 'Your role may not do this',
      BAD_REQUEST: 'Something entered is not valid; check and try again',
      NOT_FOUND: 'Not found',
      STORE_EXISTS: 'This store ID already exists',
      STORE_UNKNOWN: 'No such store',
      TILL_UNKNOWN: 'No such till',
      TOKEN_NOT_CONFIGURED: 'HQ has no WeChat AppSecret configured yet',
      INTERNAL: 'The server failed; try again shortly',
      network: 'Cannot reach the HQ server; check the network'
    },
    export: {
      title: 'Redemptions of business date {{date}}',
      sheet: { totals: 'Totals', redemptions: 'Redemptions' },
      section: { total: 'Total', chain: 'All stores', store: 'Store', card: 'Coupon' },
      column: {
        section: 'Section',
        name: 'Name',
        count: 'Count',
        voided: 'Voided',
        businessDate: 'Business date',
        store: 'Store',
        till: 'Till',
        cashier: 'Cashier',
        time: 'Redeemed (store time)',
        card: 'Coupon',
        code: 'Code',
        amount: 'Discount (yuan)',
        bill: 'Bill (yuan)',
        status: 'Status'
      }
    }
  },
  /** Claims before committing at headquarters (docs/chain.md § Claims before committing). */
  chainClaim: {
    unchecked:
      'Not checked with headquarters: headquarters did not answer in time, another store may have taken this coupon. It is checked when this redemption reaches headquarters',
    title: 'Check with headquarters before redeeming',
    help: 'Each redemption first asks headquarters whether another store used the coupon. If headquarters does not answer within the wait, this till decides alone and marks the redemption “not checked with headquarters”.',
    enabled: 'Ask headquarters before each redemption',
    deadline: 'Longest wait for headquarters (ms)',
    save: 'Save',
    saved: 'Saved',
    state: {
      on: 'On: each redemption is checked with headquarters first, waiting at most {{ms}} ms',
      off: 'Off: duplicates are found only once the records reach headquarters'
    }
  },
  // HQ's "gone quiet" threshold set on the hub (--quiet-after-minutes, docs/hq.md).
  hqQuietSetting: {
    seconds: '{{count}} seconds',
    secondsShort: '{{s}} s',
    hubSetting: '{{label}} (server setting)'
  }
}
