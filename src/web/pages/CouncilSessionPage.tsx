import { useParams } from 'react-router';
import { SessionView } from '../features/councils/SessionView';

export default function CouncilSessionPage() {
  const { id } = useParams();
  return <SessionView key={id} id={id!} />;
}
