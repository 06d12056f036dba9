import { ImportWizard } from '../features/staff/ImportWizard';

export default function StaffImportPage() {
  return <ImportWizard />;
}
