import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';

export default function ChangePasswordPage() {
  return <ChangePasswordForm />;
}
