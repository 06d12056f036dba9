import { Link } from 'react-router';
import { LoginForm } from '../features/auth/LoginForm';
import { viRegister } from '../i18n/vi';

export default function LoginPage() {
  return (
    <>
      <LoginForm />
      <nav
        aria-label={viRegister.public.publicLinks}
        style={{
          position: 'fixed',
          bottom: 16,
          left: 0,
          right: 0,
          display: 'flex',
          justifyContent: 'center',
          gap: 24,
        }}
      >
        <Link to="/bang-vang">{viRegister.public.honourBoard}</Link>
        <Link to="/cong-khai">{viRegister.public.disclosure}</Link>
      </nav>
    </>
  );
}
