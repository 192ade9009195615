/**
 * How each state looks. Colour is never alone: every state has its own icon and words, and DUPLICATE and
 * SYNC_CONFLICT have a striped pattern as well, so they cannot be mistaken for DENY or REDEEMED even on a
 * washed-out screen or by a colour-blind cashier.
 */
import {
  AlertFilled,
  AppstoreOutlined,
  CalculatorOutlined,
  CheckCircleFilled,
  CheckSquareFilled,
  CloseCircleFilled,
  DisconnectOutlined,
  FlagFilled,
  SafetyCertificateFilled,
  ScanOutlined,
  StopFilled,
  WarningFilled
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Display } from './counterState'

export const DISPLAY_ICON: Readonly<Record<Display, ReactNode>> = {
  READY: <ScanOutlined />,
  OK: <CheckCircleFilled />,
  NEEDS_AMOUNT: <CalculatorOutlined />,
  CHOOSE: <AppstoreOutlined />,
  WARN: <WarningFilled />,
  WARN_PIN: <SafetyCertificateFilled />,
  DENY: <StopFilled />,
  DUPLICATE: <AlertFilled />,
  REJECTED: <CloseCircleFilled />,
  FAILED: <DisconnectOutlined />,
  // Not OK's round tick: a square "stamp" on a white, framed band (counter.css), so done never reads as
  // "go ahead".
  REDEEMED: <CheckSquareFilled />,
  SYNC_CONFLICT: <FlagFilled />
}

/** CSS class of the state (styles.css: colour, and the stripes for duplicate). */
export const displayClass = (display: Display): string =>
  `state state-${display.toLowerCase().replace('_', '-')}`
