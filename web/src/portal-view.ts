/** The portal flow: a posting's consenting candidates, best first, with the explanation per requirement. */
import { useState } from 'preact/hooks';
import { gql } from './api';
import { html, Status, useAsync } from './ui';
import { CoverageView, type CoverageData } from './coverage-view';
import { COVERAGE_FIELDS } from './queries';
import { pct } from './format';
import type { Params } from './url-state';
import { SignIn, useToken } from './session';

const CANDIDATES = `query Candidates($id: ID!) {
  jobPosting(id: $id) { id title employer location essentialCount optionalCount occupation { preferredLabel } }
  rankCandidates(target: { jobPostingId: $id }, first: 10) { totalCount nodes { displayName score essentialCoverage optionalCoverage coverage { ${COVERAGE_FIELDS} } } } }`;

interface Candidate {
  displayName: string;
  score: number;
  essentialCoverage: number;
  optionalCoverage: number;
  coverage: CoverageData;
}
interface Posting {
  id: string;
  title: string;
  employer: string | null;
  location: string | null;
  essentialCount: number;
  optionalCount: number;
  occupation: { preferredLabel: string } | null;
}

/** The portal screen. */
export function PortalView({ params, update }: { params: Params; update: (p: Params, push?: boolean) => void }) {
  const [token, setToken] = useToken('portal');
  const [posting, setPosting] = useState(params.posting ?? 'demo-posting-01');
  const id = params.posting ?? '';
  const answer = useAsync(
    token && id
      ? () =>
          gql<{ jobPosting: Posting | null; rankCandidates: { totalCount: number; nodes: Candidate[] } }>(
            CANDIDATES,
            { id },
            token,
          )
      : null,
    [token, id],
  );
  return html`<div>
    <${SignIn} persona="portal" token=${token} setToken=${setToken} purpose="A job portal sees the consenting candidates for its own postings, by display name only." />
    <section aria-labelledby="h-posting">
      <h2 id="h-posting">Posting</h2>
      <form class="inline" onSubmit=${(e: Event) => {
        e.preventDefault();
        update({ ...params, posting: posting.trim() }, true);
      }}>
        <label for="posting-id">Posting id</label>
        <input id="posting-id" type="text" value=${posting} onInput=${(e: Event) => setPosting((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled=${!token}>Rank candidates</button>
      </form>
      <${Status} state=${answer} what="candidates" />
      ${
        answer.data?.jobPosting &&
        html`<p data-testid="posting-title"><strong>${answer.data.jobPosting.title}</strong>${answer.data.jobPosting.employer ? ` at ${answer.data.jobPosting.employer}` : ''} · ${answer.data.jobPosting.essentialCount} essential and ${answer.data.jobPosting.optionalCount} optional requirements</p>`
      }
    </section>
    ${
      answer.data &&
      html`<section aria-labelledby="h-candidates">
      <h2 id="h-candidates">Candidates (${answer.data.rankCandidates.totalCount} consenting), best first</h2>
      <ol class="ranked" data-testid="candidates">
        ${answer.data.rankCandidates.nodes.map(
          (c, i) => html`<li>
            <details>
              <summary><strong>${c.displayName}</strong> — score <span class="candidate-score">${pct(c.score)}</span>, essential ${pct(c.essentialCoverage)}, optional ${pct(c.optionalCoverage)}</summary>
              <${CoverageView} coverage=${c.coverage} idPrefix=${`candidate-${i}`} />
            </details>
          </li>`,
        )}
      </ol>
    </section>`
    }
  </div>`;
}
