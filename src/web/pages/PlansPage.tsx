import { PlanListView } from '../features/plans/PlanListView';

export default function PlansPage() {
  return <PlanListView />;
}
