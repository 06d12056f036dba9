import { LoginForm } from '../features/auth/LoginForm';

export default function LoginPage() {
  return <LoginForm />;
}
