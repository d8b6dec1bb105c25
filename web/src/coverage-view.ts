/** A coverage answer: score, essential and optional bars, and each requirement with its credit. */
import { html, Bar } from './ui';
import { pct, words } from './format';

export interface Requirement {
  skill: { uri: string; preferredLabel: string };
  relation: string;
  status: string;
  credit: number;
  matchKind: string | null;
  evidenceSkill: { preferredLabel: string } | null;
  evidence: {
    kind: string;
    credential: { id: string; title: string } | null;
    occupation: { preferredLabel: string } | null;
  }[];
}

export interface CoverageData {
  score: number;
  essentialCoverage: number;
  optionalCoverage: number;
  requirements: Requirement[];
}

function because(r: Requirement): string {
  const sources = r.evidence.map((e) => e.credential?.title ?? e.occupation?.preferredLabel ?? words(e.kind));
  return [...new Set(sources)].join('; ') || '–';
}

/** The coverage section. */
export function CoverageView({ coverage, idPrefix = 'coverage' }: { coverage: CoverageData; idPrefix?: string }) {
  const order = (r: Requirement) => (r.relation === 'ESSENTIAL' ? 0 : 1);
  const rows = [...coverage.requirements].sort(
    (a, b) =>
      order(a) - order(b) || b.credit - a.credit || a.skill.preferredLabel.localeCompare(b.skill.preferredLabel),
  );
  return html`<div class="coverage">
    <p class="score">Score <strong data-testid=${`${idPrefix}-score`}>${pct(coverage.score)}</strong></p>
    <${Bar} id=${`${idPrefix}-essential`} label="Essential skills covered" value=${coverage.essentialCoverage} />
    <${Bar} id=${`${idPrefix}-optional`} label="Optional skills covered" value=${coverage.optionalCoverage} />
    <div class="table-wrap" tabindex="0" role="region" aria-label="Requirements">
      <table data-testid=${`${idPrefix}-requirements`}>
        <caption>Each requirement, essential first (${rows.length})</caption>
        <thead><tr><th scope="col">Skill</th><th scope="col">Relation</th><th scope="col">Status</th><th scope="col">Credit</th><th scope="col">Match</th><th scope="col">Because of</th></tr></thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr class=${`status-${r.status.toLowerCase()}`}>
              <th scope="row">${r.skill.preferredLabel}</th>
              <td>${words(r.relation)}</td>
              <td>${words(r.status)}</td>
              <td>${pct(r.credit)}</td>
              <td>${r.matchKind ? words(r.matchKind) + (r.evidenceSkill && r.evidenceSkill.preferredLabel !== r.skill.preferredLabel ? ` (via ${r.evidenceSkill.preferredLabel})` : '') : '–'}</td>
              <td>${because(r)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}
