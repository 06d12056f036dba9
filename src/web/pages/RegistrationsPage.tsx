import { RegistrationsView } from '../features/registrations/RegistrationsView';

export default function RegistrationsPage() {
  return <RegistrationsView />;
}
