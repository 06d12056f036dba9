import { ReportDetailView } from '../features/reports/ReportDetailView';

export default function ReportDetailPage() {
  return <ReportDetailView />;
}
