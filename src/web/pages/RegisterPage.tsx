import { RegisterView } from '../features/register/RegisterView';

export default function RegisterPage() {
  return <RegisterView />;
}
