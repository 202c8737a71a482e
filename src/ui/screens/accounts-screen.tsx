import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../domain/accounts';
import { AccountActions } from '../components/accounts/account-actions';
import { AddAccountForm } from '../components/accounts/add-account-form';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { formatDay } from '../format/dates';
import { useOfficeData } from '../hooks/use-office-data';
import { useSession } from '../hooks/use-session';
import { paths } from '../paths';

const OFFLINE = 'Accounts are kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "Accounts" (admins): everyone who can sign in to the organisation, adding one, switching one off, a new password. */
export function AccountsScreen() {
  const session = useSession();
  const accounts = useOfficeData(useCallback((t) => t.listAccounts(), []));
  const [message, setMessage] = useState('');
  const me = session?.session.user.id;
  const done = (text: string) => {
    setMessage(text);
    accounts.reload();
  };

  return (
    <>
      <PageHeading>Accounts</PageHeading>
      <p>Everyone who can sign in to your organisation. Switching an account off signs that person out everywhere at once.</p>
      <p role="status">{message}</p>
      <OfficeDataNotice state={accounts} onRetry={accounts.reload} offline={OFFLINE} />
      {accounts.kind === 'ready' && (
        <>
          <table className="data-table">
            <caption>{accounts.value.accounts.length === 1 ? '1 account' : `${accounts.value.accounts.length} accounts`}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email address</th>
                <th scope="col">Role</th>
                <th scope="col">Can sign in?</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {accounts.value.accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">{account.name}</th>
                  <td>{account.email}</td>
                  <td>
                    {ROLE_LABELS[account.role]}
                    {account.carerFirstName && <span className="hint"> ({account.carerFirstName}’s profile)</span>}
                  </td>
                  <td>{account.disabledAt === null ? 'Yes' : `No: switched off on ${formatDay(account.disabledAt)}`}</td>
                  {/* Nothing to change until it is known who is signed in: nobody may switch themselves off. */}
                  <td>{session === undefined ? null : account.id === me ? <YouCell /> : <AccountActions account={account} onDone={done} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <AddAccountForm carers={accounts.value.carersWithoutAccount} onAdded={done} />
        </>
      )}
    </>
  );
}

/**
 * An admin does not switch off or reset their own account here: their password and "sign out
 * everywhere" are on Your account, like everyone else's, so there is one place for them.
 */
function YouCell() {
  return (
    <>
      This is you. <Link to={paths.myAccount}>Your password is on Your account</Link>
    </>
  );
}
