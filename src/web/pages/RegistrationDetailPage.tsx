import { useParams } from 'react-router';
import { RegistrationDetailView } from '../features/registrations/RegistrationDetailView';

export default function RegistrationDetailPage() {
  const { id } = useParams();
  return <RegistrationDetailView key={id} id={id!} />;
}
