import { useState } from 'react';
import { Api } from '../api';
import { ErrorMessage } from './ui';

/** Signs in with a site token (owner, editor, reviewer) or the admin token, checked against the API first. */
export function SignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <section className="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Promote</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            await new Api(token.trim()).listSites();
            onSignIn(token.trim());
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label htmlFor="token">Access token</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby="token-help"
          />
          <p id="token-help" className="hint">
            A site token from your site’s owner (owner, editor or reviewer). It is kept in this browser tab only and
            forgotten when you close it or sign out.
          </p>
        </div>
        <ErrorMessage error={error} title="Sign-in failed." />
        <button type="submit" className="button primary" disabled={busy || !token.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
