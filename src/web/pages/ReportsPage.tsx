import { ReportListView } from '../features/reports/ReportListView';

export default function ReportsPage() {
  return <ReportListView />;
}
