export { PrinterService, type PrinterServiceDeps } from './service'
export { systemConnector, type PrinterConnector, type PrinterLink } from './link'
export { slipDocument, zReportDocument, testPageDocument, maskCode, type PrintContext } from './documents'
