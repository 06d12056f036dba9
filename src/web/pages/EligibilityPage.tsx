import { EligibilityRunsView } from '../features/eligibility/EligibilityRunsView';

export default function EligibilityPage() {
  return <EligibilityRunsView />;
}
