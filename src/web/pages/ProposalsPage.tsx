import { ProposalsView } from '../features/proposals/ProposalsView';

export default function ProposalsPage() {
  return <ProposalsView />;
}
