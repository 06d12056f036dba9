import { SubmissionView } from '../features/reports/SubmissionView';

export default function ReportSubmissionPage() {
  return <SubmissionView />;
}
