import { useParams } from 'react-router';
import { ProposalDetailView } from '../features/proposals/ProposalDetailView';

export default function ProposalDetailPage() {
  const { id } = useParams();
  return <ProposalDetailView key={id} id={id!} />;
}
