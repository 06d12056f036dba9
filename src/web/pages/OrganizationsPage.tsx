import { OrganizationsView } from '../features/organizations/OrganizationsView';

export default function OrganizationsPage() {
  return <OrganizationsView />;
}
