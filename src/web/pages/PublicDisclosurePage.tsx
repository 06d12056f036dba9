import { DisclosureView } from '../features/public/DisclosureView';

export default function PublicDisclosurePage() {
  return <DisclosureView />;
}
