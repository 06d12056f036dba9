import { PlanDetailView } from '../features/plans/PlanDetailView';

export default function PlanDetailPage() {
  return <PlanDetailView />;
}
