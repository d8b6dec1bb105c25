/** A learning plan: the solver's verdict, steps as a timeline, and coverage rising step by step. */
import { html } from './ui';
import { Chart } from './chart';
import { hours, money, pct, words } from './format';

export interface PlanStep {
  order: number;
  essentialCoverageAfter: number;
  scoreAfter: number;
  newlyCovered: { preferredLabel: string }[];
  credential: {
    id: string;
    title: string;
    workloadHours: number | null;
    languages: string[];
    price: { amount: number; currency: string } | null;
    provider: { name: string } | null;
  };
}

export interface PlanData {
  status: string;
  explanation: string;
  optimal: boolean;
  lowerBound: number;
  objective: string;
  objectiveValue: number;
  solver: string;
  currency: string;
  totalHours: number | null;
  totalPrice: number | null;
  coverageBefore: { essentialCoverage: number; score: number };
  coverageAfter: { essentialCoverage: number; score: number };
  uncoverable: { preferredLabel: string }[];
  uncoveredWithinBudget: { preferredLabel: string }[];
  steps: PlanStep[];
}

/** Budget and objective of a plan, as kept in the URL. */
export interface PlanSettings {
  objective: string;
  maxHours: string;
  maxPrice: string;
  languages: string;
}

/** The API's constraints input for the settings. */
export function constraintsOf(s: PlanSettings): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (s.maxHours) constraints.maxTotalHours = Number(s.maxHours);
  if (s.maxPrice) constraints.maxTotalPrice = Number(s.maxPrice);
  const languages = s.languages.split(/[\s,]+/).filter(Boolean);
  if (languages.length) constraints.languages = languages;
  return constraints;
}

/** Objective, hours, price and language controls. */
export function PlanControls({ settings, onChange }: { settings: PlanSettings; onChange: (s: PlanSettings) => void }) {
  const field = (name: keyof PlanSettings) => (e: Event) =>
    onChange({ ...settings, [name]: (e.target as HTMLInputElement).value });
  return html`<fieldset class="controls">
    <legend>Budget and objective</legend>
    <label>Minimise
      <select data-testid="objective" value=${settings.objective} onChange=${field('objective')}>
        <option value="HOURS">hours</option><option value="PRICE">price</option><option value="COUNT">number of courses</option><option value="ECTS">ECTS</option>
      </select></label>
    <label>At most hours <input data-testid="max-hours" type="number" min="0" step="10" inputmode="numeric" value=${settings.maxHours} onChange=${field('maxHours')} /></label>
    <label>At most price (EUR) <input data-testid="max-price" type="number" min="0" step="50" inputmode="numeric" value=${settings.maxPrice} onChange=${field('maxPrice')} /></label>
    <label>Languages <input data-testid="languages" type="text" placeholder="en, de" value=${settings.languages} onChange=${field('languages')} /></label>
  </fieldset>`;
}

/** The plan section. */
export function PlanView({ plan }: { plan: PlanData }) {
  let cumulative = 0;
  const xs = [0, ...plan.steps.map((s) => (cumulative += s.credential.workloadHours ?? 0))];
  const ys = [plan.coverageBefore.essentialCoverage, ...plan.steps.map((s) => s.essentialCoverageAfter)];
  return html`<div class="plan">
    <dl class="facts" data-testid="plan-facts">
      <div><dt>Status</dt><dd data-testid="plan-status">${words(plan.status)}</dd></div>
      <div><dt>Proven optimal</dt><dd data-testid="plan-optimal">${plan.optimal ? 'yes' : 'no'}</dd></div>
      <div><dt>Objective (${words(plan.objective)})</dt><dd data-testid="plan-objective">${Math.round(plan.objectiveValue * 100) / 100}</dd></div>
      <div><dt>Lower bound</dt><dd data-testid="plan-lower-bound">${Math.round(plan.lowerBound * 100) / 100}</dd></div>
      <div><dt>Total hours</dt><dd data-testid="plan-hours">${hours(plan.totalHours)}</dd></div>
      <div><dt>Total price</dt><dd data-testid="plan-price">${money(plan.totalPrice, plan.currency)}</dd></div>
      <div><dt>Essential coverage</dt><dd data-testid="plan-coverage">${pct(plan.coverageBefore.essentialCoverage)} → ${pct(plan.coverageAfter.essentialCoverage)}</dd></div>
    </dl>
    <p class="explanation">${plan.explanation} <span class="muted">(solver: ${plan.solver})</span></p>
    ${
      plan.steps.length > 0 &&
      html`<${Chart} testId="plan-chart" title="Essential coverage after each course" xLabel="cumulative hours" yLabel="essential coverage" xs=${xs} ys=${ys} />`
    }
    <ol class="timeline" data-testid="plan-steps">
      ${plan.steps.map(
        (s) => html`<li>
          <h4>${s.order}. ${s.credential.title}</h4>
          <p>${s.credential.provider?.name ?? 'unknown provider'} · ${hours(s.credential.workloadHours)} · ${s.credential.price ? money(s.credential.price.amount, s.credential.price.currency) : 'no price'} · ${s.credential.languages.join(', ') || '–'}</p>
          <p>Essential coverage after this step: <strong>${pct(s.essentialCoverageAfter)}</strong>${s.newlyCovered.length ? html` · newly covers ${s.newlyCovered.map((k) => k.preferredLabel).join(', ')}` : ''}</p>
        </li>`,
      )}
    </ol>
    ${plan.uncoverable.length > 0 && html`<p>No course in the catalog teaches: ${plan.uncoverable.map((s) => s.preferredLabel).join(', ')}.</p>`}
    ${plan.uncoveredWithinBudget.length > 0 && html`<p>Left open within this budget: ${plan.uncoveredWithinBudget.map((s) => s.preferredLabel).join(', ')}.</p>`}
  </div>`;
}
