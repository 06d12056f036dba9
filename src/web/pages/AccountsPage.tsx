import { AccountsView } from '../features/accounts/AccountsView';

export default function AccountsPage() {
  return <AccountsView />;
}
