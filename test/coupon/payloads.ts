/**
 * card/get and card/code/get payloads in the shapes of docs/wechat-api.md §2–3. The CASH one follows the
 * real payload notes (hex colour, time_limit {"type":"MONDAY"} without hours, sku.total_quantity,
 * area_code_list, consume_share_card_list, can_use_with_membercard).
 */
export const CASH_REAL = {
  errcode: 0,
  errmsg: 'ok',
  card: {
    card_type: 'CASH',
    cash: {
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc',
        logo_url: 'http://mmbiz.qpic.cn/mmbiz/iaL1LJM1mF9aRKPZ/0',
        code_type: 'CODE_TYPE_QRCODE',
        brand_name: '街角咖啡',
        title: '满100减1',
        sub_title: '',
        color: '#D54036',
        notice: '结账时出示此券',
        description: '不可兑换现金，不找零',
        date_info: {
          type: 'DATE_TYPE_FIX_TIME_RANGE',
          begin_timestamp: 1767196800,
          end_timestamp: 1798732799
        },
        sku: { quantity: 990, total_quantity: 1000 },
        location_id_list: [401123456, 401123457],
        use_all_locations: false,
        use_custom_code: false,
        bind_openid: false,
        can_share: true,
        can_give_friend: true,
        get_limit: 3,
        service_phone: '020-88888888',
        status: 'CARD_STATUS_VERIFY_OK',
        create_time: 1767000000,
        update_time: 1767000100,
        area_code_list: []
      },
      advanced_info: {
        time_limit: [{ type: 'MONDAY' }, { type: 'TUESDAY' }, { type: 'WEDNESDAY' }],
        text_image_list: [],
        business_service: [],
        consume_share_card_list: [],
        abstract: { abstract: '满100减1', icon_url_list: [] },
        share_friends: false,
        use_condition: { can_use_with_other_discount: true, can_use_with_membercard: true }
      },
      least_cost: 10000,
      reduce_cost: 100
    }
  }
}

export const DISCOUNT = {
  errcode: 0,
  errmsg: 'ok',
  card: {
    card_type: 'DISCOUNT',
    discount: {
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkDISC',
        code_type: 'CODE_TYPE_BARCODE',
        brand_name: '街角咖啡',
        title: '全场7折',
        color: 'Color010',
        notice: '出示此券',
        description: '每单限用一张',
        date_info: { type: 'DATE_TYPE_FIX_TERM', fixed_term: 30, fixed_begin_term: 0 },
        sku: { quantity: 500 },
        use_all_locations: true,
        status: 'CARD_STATUS_DISPATCH'
      },
      advanced_info: {
        use_condition: { can_use_with_other_discount: false },
        time_limit: [
          { type: 'SATURDAY', begin_hour: 10, begin_minute: 0, end_hour: 22, end_minute: 0 },
          { type: 'SUNDAY', begin_hour: 10, begin_minute: 0, end_hour: 22, end_minute: 0 }
        ]
      },
      discount: 30
    }
  }
}

export const GIFT = {
  errcode: 0,
  errmsg: 'ok',
  card: {
    card_type: 'GIFT',
    gift: {
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkGIFT',
        code_type: 'CODE_TYPE_TEXT',
        brand_name: '街角咖啡',
        title: '美式咖啡兑换券',
        color: 'Color082',
        date_info: { type: 2, fixed_term: '15', fixed_begin_term: '1', end_timestamp: '1798732799' },
        sku: { quantity: 100 }
      },
      advanced_info: {
        use_condition: {
          least_cost: '3000',
          object_use_for: '任意甜点',
          can_use_with_other_discount: 'false'
        }
      },
      gift: '中杯美式咖啡一杯'
    }
  }
}

export const GROUPON = {
  card: {
    card_type: 'GROUPON',
    groupon: {
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkGRPN',
        title: '双人下午茶',
        color: 'Color100',
        date_info: { type: 1, begin_timestamp: '1767196800', end_timestamp: '1798732799' },
        location_id_list: ['401123456']
      },
      deal_detail: '咖啡两杯+蛋糕两份'
    }
  }
}

export const GENERAL = {
  errcode: 0,
  card: {
    card_type: 'GENERAL_COUPON',
    general_coupon: {
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkGNRL',
        title: '会员日优惠',
        color: 'Color999',
        date_info: { type: 'DATE_TYPE_PERMANENT' }
      },
      default_detail: '会员日饮品第二杯半价'
    }
  }
}

export const MEMBER = {
  errcode: 0,
  card: {
    card_type: 'MEMBER_CARD',
    member_card: {
      background_pic_url: 'https://mmbiz.qpic.cn/bg/0',
      base_info: {
        id: 'pFS7Fjg8kV1IdDz01r4SQwMkMMBR',
        title: '街角咖啡会员卡',
        color: 'Color040',
        date_info: { type: 'DATE_TYPE_PERMANENT' }
      },
      prerogative: '会员享全场9折，生日赠饮',
      supply_bonus: true,
      discount: 10
    }
  }
}

export const SCENIC = {
  errcode: 0,
  card: {
    card_type: 'SCENIC_TICKET',
    scenic_ticket: {
      base_info: { id: 'pFS7Fjg8kV1IdDz01r4SQwMkSCNC', title: '园林门票', color: '#abc' },
      ticket_class: '成人票',
      guide_url: 'https://example.invalid/guide'
    }
  }
}

export const CODE_NORMAL = {
  errcode: 0,
  errmsg: 'ok',
  card: { card_id: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', begin_time: 1457452800, end_time: 1463155199 },
  openid: 'obLatjm43RA5C6QfMO5szKYnT3dM',
  can_consume: true,
  outer_str: '12b',
  user_card_status: 'NORMAL'
}

/** The WeCom (企业号) variant: status and can_consume (a string) inside `card`. */
export const CODE_WECOM = {
  errcode: 0,
  errmsg: 'ok',
  card: {
    card_id: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc',
    begin_time: '1457452800',
    end_time: '1463155199',
    user_card_status: 'CONSUMED',
    can_consume: 'false'
  },
  openid: 'obLatjm43RA5C6QfMO5szKYnT3dM'
}

export const CARD_PAYLOADS = { CASH_REAL, DISCOUNT, GIFT, GROUPON, GENERAL, MEMBER, SCENIC }
