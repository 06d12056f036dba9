import { PlanImportView } from '../features/plans/PlanImportView';

export default function PlanImportPage() {
  return <PlanImportView />;
}
