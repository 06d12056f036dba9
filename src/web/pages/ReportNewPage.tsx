import { ReportRequestForm } from '../features/reports/ReportRequestForm';

export default function ReportNewPage() {
  return <ReportRequestForm />;
}
