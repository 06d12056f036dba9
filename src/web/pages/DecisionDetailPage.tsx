import { useParams } from 'react-router';
import { DecisionDetailView } from '../features/decisions/DecisionDetailView';

export default function DecisionDetailPage() {
  const { id } = useParams();
  return <DecisionDetailView key={id} id={id!} />;
}
