export { ReportButton, ReportDialog } from './ReportDialog';
export { BoardExportDialog, BoardExportHost, EXPORT_EVENT } from './BoardExport';
