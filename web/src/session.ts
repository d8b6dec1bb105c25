/** Tokens per persona, kept for the browser tab only (never in the URL). */
import { useState } from 'preact/hooks';
import { devSignIn } from './api';
import { html } from './ui';

export type Persona = 'advisor' | 'portal' | 'learner';

const key = (persona: Persona) => `credgraph.token.${persona}`;

/** The persona's token and a setter that remembers it for the tab. */
export function useToken(persona: Persona): [string, (token: string) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(key(persona)) ?? '');
  return [
    token,
    (next: string) => {
      if (next) sessionStorage.setItem(key(persona), next);
      else sessionStorage.removeItem(key(persona));
      setToken(next);
    },
  ];
}

/** Sign-in controls: the development demo sign-in, or a pasted token. */
export function SignIn({
  persona,
  token,
  setToken,
  purpose,
}: {
  persona: Persona;
  token: string;
  setToken: (t: string) => void;
  purpose: string;
}) {
  const [error, setError] = useState('');
  const [pasted, setPasted] = useState('');
  if (token) {
    return html`<div class="signin signed-in">
      <span data-testid="signed-in">Signed in as the demo ${persona}.</span>
      <button type="button" onClick=${() => setToken('')}>Sign out</button>
    </div>`;
  }
  const demo = async () => {
    setError('');
    try {
      setToken(await devSignIn(persona));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return html`<div class="signin">
    <p>${purpose}</p>
    <button type="button" class="primary" data-testid="demo-sign-in" onClick=${demo}>Sign in as the demo ${persona} (development)</button>
    <form class="inline" onSubmit=${(e: Event) => {
      e.preventDefault();
      if (pasted.trim()) setToken(pasted.trim());
    }}>
      <label for=${`token-${persona}`}>or paste a bearer token</label>
      <input id=${`token-${persona}`} type="password" autocomplete="off" value=${pasted} onInput=${(e: Event) => setPasted((e.target as HTMLInputElement).value)} />
      <button type="submit">Use token</button>
    </form>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </div>`;
}
