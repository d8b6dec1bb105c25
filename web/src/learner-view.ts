/** The learner flow: my credentials, badge import, targets and coverage, plan, advisors, export and deletion. */
import { useState } from 'preact/hooks';
import { gql } from './api';
import { html, Status, useAsync } from './ui';
import { CoverageView, type CoverageData } from './coverage-view';
import { PlanView, type PlanData } from './plan-view';
import { COVERAGE_FIELDS, PLAN_FIELDS } from './queries';
import { words } from './format';
import type { Params } from './url-state';
import { SignIn, useToken } from './session';

const ME = `query Me($id: ID!) { learner(id: $id) { id displayName matchingConsent
  holdings { issuedOn expiresOn expired verified credential { id title provider { name } } }
  targetOccupations { uri preferredLabel } } }`;
const TARGET = `query Target($id: ID!, $uri: ID!) { learner(id: $id) { coverage(target: { occupationUri: $uri }) { ${COVERAGE_FIELDS} } }
  recommendCourses(subject: { learnerId: $id }, target: { occupationUri: $uri }, objective: HOURS) { ${PLAN_FIELDS} } }`;

interface Me {
  id: string;
  displayName: string;
  holdings: {
    issuedOn: string | null;
    expiresOn: string | null;
    expired: boolean;
    verified: boolean;
    credential: { id: string; title: string; provider: { name: string } | null };
  }[];
  targetOccupations: { uri: string; preferredLabel: string }[];
}

/** The learner id a learner token carries (read, not trusted: the API checks). */
function learnerIdOf(token: string): string {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      learnerId?: string;
    };
    return payload.learnerId ?? '';
  } catch {
    return '';
  }
}

/** The learner screen. */
export function LearnerView({ params, update }: { params: Params; update: (p: Params, push?: boolean) => void }) {
  const [token, setToken] = useToken('learner');
  const id = token ? learnerIdOf(token) : '';
  const [reload, setReload] = useState(0);
  const me = useAsync(id ? () => gql<{ learner: Me | null }>(ME, { id }, token) : null, [id, token, reload]);
  const target = params.target || me.data?.learner?.targetOccupations[0]?.uri || '';
  const detail = useAsync(
    id && target
      ? () =>
          gql<{ learner: { coverage: CoverageData }; recommendCourses: PlanData }>(TARGET, { id, uri: target }, token)
      : null,
    [id, target, token, reload],
  );
  const [badge, setBadge] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [advisor, setAdvisor] = useState('');
  const [confirmDelete, setConfirmDelete] = useState('');
  const act = async (what: string, run: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await run() });
      setReload((n) => n + 1);
    } catch (e) {
      setMessage({ ok: false, text: `${what} failed: ${(e as Error).message}` });
    }
  };
  const importBadge = () =>
    act('Import', async () => {
      let document: unknown;
      try {
        document = JSON.parse(badge);
      } catch {
        throw new Error('the badge is not valid JSON');
      }
      const r = await gql<{
        importCredential: { credential: { title: string }; verification: { status: string }; warnings: string[] };
      }>(
        `mutation Import($document: JSON!) { importCredential(document: $document) { credential { title } verification { status } warnings } }`,
        { document },
        token,
      );
      return `Imported “${r.importCredential.credential.title}” (verification: ${words(r.importCredential.verification.status)})${r.importCredential.warnings.length ? `; ${r.importCredential.warnings.join('; ')}` : ''}.`;
    });
  const upload = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) setBadge(await file.text());
  };
  const access = (grant: boolean) =>
    act(grant ? 'Granting access' : 'Revoking access', async () => {
      const field = grant ? 'grantAdvisorAccess' : 'revokeAdvisorAccess';
      const r = await gql<Record<string, string[]>>(
        `mutation Access($id: ID!, $advisor: ID!) { ${field}(learnerId: $id, advisorSubject: $advisor) }`,
        { id, advisor: advisor.trim() },
        token,
      );
      return `${grant ? 'Granted' : 'Revoked'}. Advisors with access: ${r[field]!.join(', ') || 'none'}.`;
    });
  const exportData = () =>
    act('Export', async () => {
      const r = await gql<{ exportLearnerData: unknown }>(
        `query Export($id: ID!) { exportLearnerData(learnerId: $id) }`,
        { id },
        token,
      );
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(r.exportLearnerData, null, 2)], { type: 'application/json' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `${id}-data.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return 'Your data was exported as a JSON file.';
    });
  const deleteAll = () =>
    act('Deletion', async () => {
      await gql(`mutation Delete($id: ID!) { deleteLearner(learnerId: $id) }`, { id }, token);
      setConfirmDelete('');
      return 'Your record was deleted.';
    });
  const learner = me.data?.learner;
  return html`<div>
    <${SignIn} persona="learner" token=${token} setToken=${setToken} purpose="Sign in to see your own record." />
    ${token && !id && html`<p class="error" role="alert">This token names no learner.</p>`}
    <${Status} state=${me} what="your record" />
    ${me.data && !learner && html`<p role="status">No record for ${id} (deleted or never created).</p>`}
    ${message && html`<p class=${message.ok ? 'ok' : 'error'} role=${message.ok ? 'status' : 'alert'} data-testid="learner-message">${message.text}</p>`}
    ${
      learner &&
      html`<section aria-labelledby="h-mine">
        <h2 id="h-mine">${learner.displayName}: my credentials</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="My credentials">
          <table data-testid="holdings">
            <caption>Credentials held (${learner.holdings.length})</caption>
            <thead><tr><th scope="col">Credential</th><th scope="col">Provider</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col">Verified</th></tr></thead>
            <tbody>${learner.holdings.map((h) => html`<tr><th scope="row">${h.credential.title}</th><td>${h.credential.provider?.name ?? '–'}</td><td>${h.issuedOn ?? '–'}</td><td>${h.expiresOn ?? 'never'}${h.expired ? ' (expired)' : ''}</td><td>${h.verified ? 'yes' : 'no'}</td></tr>`)}</tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="h-import">
        <h2 id="h-import">Import a badge</h2>
        <label for="badge-json">Open Badge or verifiable credential (JSON)</label>
        <textarea id="badge-json" rows="4" value=${badge} onInput=${(e: Event) => setBadge((e.target as HTMLTextAreaElement).value)}></textarea>
        <label for="badge-file">or upload a file</label>
        <input id="badge-file" type="file" accept=".json,application/json" onChange=${upload} />
        <button type="button" disabled=${!badge.trim()} onClick=${importBadge}>Import</button>
      </section>
      <section aria-labelledby="h-targets">
        <h2 id="h-targets">My targets</h2>
        <ul class="targets">${learner.targetOccupations.map((o) => html`<li><button type="button" class="link" aria-current=${o.uri === target ? 'true' : undefined} onClick=${() => update({ ...params, target: o.uri }, true)}>${o.preferredLabel}</button></li>`)}</ul>
        <${Status} state=${detail} what="coverage and plan" />
        ${detail.data && html`<h3>Coverage</h3><${CoverageView} coverage=${detail.data.learner.coverage} idPrefix="my-coverage" /><h3>My plan</h3><${PlanView} plan=${detail.data.recommendCourses} />`}
      </section>
      <section aria-labelledby="h-advisors">
        <h2 id="h-advisors">Advisors</h2>
        <label for="advisor-subject">Advisor (their sign-in subject)</label>
        <input id="advisor-subject" type="text" placeholder="demo-advisor" value=${advisor} onInput=${(e: Event) => setAdvisor((e.target as HTMLInputElement).value)} />
        <button type="button" disabled=${!advisor.trim()} onClick=${() => access(true)}>Grant access</button>
        <button type="button" disabled=${!advisor.trim()} onClick=${() => access(false)}>Revoke access</button>
      </section>
      <section aria-labelledby="h-data">
        <h2 id="h-data">My data</h2>
        <button type="button" onClick=${exportData}>Export my data (JSON)</button>
        <label for="confirm-delete">To delete your record for good, type your learner id (${learner.id})</label>
        <input id="confirm-delete" type="text" autocomplete="off" value=${confirmDelete} onInput=${(e: Event) => setConfirmDelete((e.target as HTMLInputElement).value)} />
        <button type="button" class="danger" disabled=${confirmDelete !== learner.id} onClick=${deleteAll}>Delete my data</button>
      </section>`
    }
  </div>`;
}
