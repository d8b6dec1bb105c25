/** The advisor flow: an occupation, a person, then coverage, closest occupations, plan and reskilling paths. */
import { useState } from 'preact/hooks';
import { gql } from './api';
import { html, Status, useAsync, useDebounced } from './ui';
import { CoverageView, type CoverageData } from './coverage-view';
import { PlanControls, PlanView, constraintsOf, type PlanData, type PlanSettings } from './plan-view';
import { Chart } from './chart';
import {
  COVERAGE,
  OCCUPATION_LABEL,
  PLAN,
  RESKILLING,
  SEARCH_CREDENTIALS,
  SEARCH_OCCUPATIONS,
  SUGGEST_SKILLS,
} from './queries';
import { hours, money, pct } from './format';
import { listParam, type Params } from './url-state';
import { SignIn, useToken } from './session';

interface Occupation {
  uri: string;
  preferredLabel: string;
  code?: string;
}
interface Match {
  occupation: Occupation;
  score: number;
  essentialCoverage: number;
}
interface Reskilling {
  occupation: Occupation;
  reachesFullCoverage: boolean;
  currentCoverage: { essentialCoverage: number };
  plan: {
    totalHours: number | null;
    totalPrice: number | null;
    currency: string;
    optimal: boolean;
    coverageAfter: { essentialCoverage: number };
    steps: { order: number }[];
  };
}

/** Names of the chosen credentials and skills (the first 15 of each: within the alias limit). */
function labelsQuery(credentials: number, skills: number): string {
  const c = Array.from({ length: Math.min(credentials, 15) }, (_, i) => i);
  const s = Array.from({ length: Math.min(skills, 15) }, (_, i) => i);
  const vars = [...c.map((i) => `$c${i}: ID!`), ...s.map((i) => `$s${i}: ID!`)].join(', ');
  return `query Labels(${vars}) { ${c.map((i) => `c${i}: microCredential(id: $c${i}) { title }`).join(' ')} ${s.map((i) => `s${i}: skill(uri: $s${i}) { preferredLabel }`).join(' ')} }`;
}

/** Occupation autocomplete: results are buttons, reachable with Tab and arrow keys. */
function OccupationPicker({
  selected,
  onSelect,
}: {
  selected: Occupation | null;
  onSelect: (o: Occupation | null) => void;
}) {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const results = useAsync(
    query.length >= 2 ? () => gql<{ searchOccupations: Occupation[] }>(SEARCH_OCCUPATIONS, { text: query }) : null,
    [query],
  );
  const move = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('#occupation-results button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      e.key === 'ArrowDown'
        ? buttons[i + 1]
        : i <= 0
          ? (document.getElementById('occupation-search') as HTMLButtonElement)
          : buttons[i - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  return html`<section aria-labelledby="h-occupation" onKeyDown=${move}>
    <h2 id="h-occupation">1. Occupation</h2>
    ${selected && html`<p>Target: <strong data-testid="selected-occupation">${selected.preferredLabel}</strong> <button type="button" onClick=${() => onSelect(null)}>Change</button></p>`}
    <label for="occupation-search">Find an occupation</label>
    <input id="occupation-search" type="search" autocomplete="off" placeholder="e.g. data analyst" value=${text} onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} />
    <${Status} state=${results} what="occupations" />
    ${
      results.data &&
      query &&
      html`<ul id="occupation-results" class="results" aria-label="Matching occupations">
      ${results.data.searchOccupations.length === 0 && html`<li>No occupation matches “${query}”.</li>`}
      ${results.data.searchOccupations.map(
        (o) =>
          html`<li><button type="button" onClick=${() => {
            onSelect(o);
            setText('');
          }}>${o.preferredLabel}</button></li>`,
      )}
    </ul>`
    }
  </section>`;
}

/** The person: held credentials, skills accepted from free text, or a learner the advisor may see. */
function PersonPicker({ params, update, token }: { params: Params; update: (p: Params) => void; token: string }) {
  const [credText, setCredText] = useState('');
  const [freeText, setFreeText] = useState('');
  const [suggestText, setSuggestText] = useState('');
  const credQuery = useDebounced(credText.trim(), 250);
  const creds = useAsync(
    credQuery.length >= 2
      ? () =>
          gql<{
            microCredentials: {
              nodes: { id: string; title: string; workloadHours: number | null; provider: { name: string } | null }[];
            };
          }>(SEARCH_CREDENTIALS, { text: credQuery })
      : null,
    [credQuery],
  );
  const suggestions = useAsync(
    suggestText
      ? () =>
          gql<{ suggestSkills: { score: number; skill: { uri: string; preferredLabel: string } }[] }>(SUGGEST_SKILLS, {
            text: suggestText,
          })
      : null,
    [suggestText],
  );
  const held = listParam(params.cred);
  const skills = listParam(params.skills);
  const labels = useAsync(
    held.length || skills.length
      ? () =>
          gql<Record<string, { title?: string; preferredLabel?: string } | null>>(
            labelsQuery(held.length, skills.length),
            {
              ...Object.fromEntries(held.slice(0, 15).map((id, i) => [`c${i}`, id])),
              ...Object.fromEntries(skills.slice(0, 15).map((uri, i) => [`s${i}`, uri])),
            },
          )
      : null,
    [params.cred, params.skills],
  );
  const setList = (name: 'cred' | 'skills', values: string[]) =>
    update({ ...params, [name]: [...new Set(values)].join(','), learner: '' });
  const [learnerId, setLearnerId] = useState(params.learner ?? '');
  return html`<section aria-labelledby="h-person">
    <h2 id="h-person">2. The person</h2>
    ${
      params.learner
        ? html`<p>Looking at learner <strong data-testid="subject-learner">${params.learner}</strong> <button type="button" onClick=${() => update({ ...params, learner: '' })}>Describe a person instead</button></p>`
        : html`
      <div class="chips" aria-label="Held credentials and skills">
        ${held.map(
          (id, i) =>
            html`<span class="chip">${labels.data?.[`c${i}`]?.title ?? id} <button type="button" aria-label=${`Remove ${labels.data?.[`c${i}`]?.title ?? id}`} onClick=${() =>
              setList(
                'cred',
                held.filter((x) => x !== id),
              )}>×</button></span>`,
        )}
        ${skills.map(
          (uri, i) =>
            html`<span class="chip skill">${labels.data?.[`s${i}`]?.preferredLabel ?? uri} <button type="button" aria-label=${`Remove ${labels.data?.[`s${i}`]?.preferredLabel ?? uri}`} onClick=${() =>
              setList(
                'skills',
                skills.filter((x) => x !== uri),
              )}>×</button></span>`,
        )}
        ${held.length + skills.length === 0 && html`<span class="muted">Nothing yet: coverage starts from zero.</span>`}
      </div>
      <div class="grid2">
        <div>
          <label for="credential-search">Held credentials (search the catalog)</label>
          <input id="credential-search" type="search" autocomplete="off" value=${credText} onInput=${(e: Event) => setCredText((e.target as HTMLInputElement).value)} />
          <${Status} state=${creds} what="credentials" />
          ${
            creds.data &&
            credQuery &&
            html`<ul class="results" id="credential-results" aria-label="Matching credentials">
            ${creds.data.microCredentials.nodes.map(
              (c) =>
                html`<li><button type="button" onClick=${() => {
                  setList('cred', [...held, c.id]);
                  setCredText('');
                }}>${c.title} <span class="muted">${c.provider?.name ?? ''} · ${hours(c.workloadHours)}</span></button></li>`,
            )}
          </ul>`
          }
        </div>
        <div>
          <form onSubmit=${(e: Event) => {
            e.preventDefault();
            setSuggestText(freeText.trim());
          }}>
            <label for="free-text">Describe what the person can do</label>
            <textarea id="free-text" rows="3" value=${freeText} onInput=${(e: Event) => setFreeText((e.target as HTMLTextAreaElement).value)}></textarea>
            <button type="submit">Suggest skills</button>
          </form>
          <${Status} state=${suggestions} what="skill suggestions" />
          ${
            suggestions.data &&
            html`<ul class="results" id="skill-suggestions" aria-label="Suggested skills">
            ${suggestions.data.suggestSkills.length === 0 && html`<li>No skill recognised in that text.</li>`}
            ${suggestions.data.suggestSkills.map((s) => html`<li><button type="button" disabled=${skills.includes(s.skill.uri)} onClick=${() => setList('skills', [...skills, s.skill.uri])}>Accept ${s.skill.preferredLabel} <span class="muted">(${pct(s.score)})</span></button></li>`)}
          </ul>`
          }
        </div>
      </div>`
    }
    <form class="inline" onSubmit=${(e: Event) => {
      e.preventDefault();
      if (learnerId.trim()) update({ ...params, learner: learnerId.trim(), cred: '', skills: '' });
    }}>
      <label for="learner-id">Or open a learner who granted you access (needs an advisor sign-in)</label>
      <input id="learner-id" type="text" placeholder="demo-ann" value=${learnerId} onInput=${(e: Event) => setLearnerId((e.target as HTMLInputElement).value)} />
      <button type="submit" disabled=${!token}>Open learner</button>
    </form>
  </section>`;
}

/** The advisor screen. */
export function AdvisorView({ params, update }: { params: Params; update: (p: Params, push?: boolean) => void }) {
  const [token, setToken] = useToken('advisor');
  const occupation = useAsync(
    params.occ ? () => gql<{ occupation: Occupation | null }>(OCCUPATION_LABEL, { uri: params.occ }) : null,
    [params.occ],
  );
  const subject = params.learner
    ? { learnerId: params.learner }
    : { credentialIds: listParam(params.cred), skillUris: listParam(params.skills) };
  const subjectKey = JSON.stringify(subject);
  const settings: PlanSettings = {
    objective: params.obj || 'HOURS',
    maxHours: params.hours ?? '',
    maxPrice: params.price ?? '',
    languages: params.lang ?? '',
  };
  const target = params.occ ? { occupationUri: params.occ } : null;
  const auth = params.learner ? token : undefined;
  const coverage = useAsync(
    target
      ? () =>
          gql<{ coverage: CoverageData; rankOccupations: { totalCount: number; nodes: Match[] } }>(
            COVERAGE,
            { subject, target },
            auth,
          )
      : null,
    [subjectKey, params.occ, auth],
  );
  const planVars = { subject, target, objective: settings.objective, constraints: constraintsOf(settings) };
  const plan = useAsync(target ? () => gql<{ recommendCourses: PlanData }>(PLAN, planVars, auth) : null, [
    JSON.stringify(planVars),
    auth,
  ]);
  const reskilling = useAsync(
    params.reskill === '1'
      ? () =>
          gql<{ reskillingPaths: Reskilling[] }>(
            RESKILLING,
            { subject, objective: settings.objective, constraints: constraintsOf(settings) },
            auth,
          )
      : null,
    [params.reskill, subjectKey, settings.objective, JSON.stringify(constraintsOf(settings)), auth],
  );
  const axis = settings.objective === 'PRICE' ? 'price' : 'hours';
  const paths = (reskilling.data?.reskillingPaths ?? [])
    .map((r) => ({ ...r, x: (axis === 'price' ? r.plan.totalPrice : r.plan.totalHours) ?? 0 }))
    .sort((a, b) => a.x - b.x);
  return html`<div>
    <${SignIn} persona="advisor" token=${token} setToken=${setToken} purpose="Anyone may explore occupations, the catalog and plans. Opening a learner's record needs an advisor the learner granted access." />
    <${OccupationPicker} selected=${occupation.data?.occupation ?? null} onSelect=${(o: Occupation | null) => update({ ...params, occ: o?.uri ?? '' }, true)} />
    <${Status} state=${occupation} what="the occupation" />
    <${PersonPicker} params=${params} update=${update} token=${token} />
    ${
      target &&
      html`<section aria-labelledby="h-coverage">
        <h2 id="h-coverage">3. Coverage of ${occupation.data?.occupation?.preferredLabel ?? 'the occupation'}</h2>
        <${Status} state=${coverage} what="coverage" />
        ${coverage.data && html`<${CoverageView} coverage=${coverage.data.coverage} />`}
      </section>
      <section aria-labelledby="h-closest">
        <h2 id="h-closest">Closest occupations</h2>
        ${
          coverage.data &&
          html`<ol class="ranked" data-testid="closest">
          ${coverage.data.rankOccupations.nodes.map(
            (m) =>
              html`<li><button type="button" class="link" onClick=${() => update({ ...params, occ: m.occupation.uri }, true)}>${m.occupation.preferredLabel}</button> — score ${pct(m.score)}, essential ${pct(m.essentialCoverage)}</li>`,
          )}
        </ol>`
        }
      </section>
      <section aria-labelledby="h-plan">
        <h2 id="h-plan">4. Plan: the courses that close the gap</h2>
        <${PlanControls} settings=${settings} onChange=${(s: PlanSettings) => update({ ...params, obj: s.objective, hours: s.maxHours, price: s.maxPrice, lang: s.languages })} />
        <${Status} state=${plan} what="the plan" />
        ${plan.data && html`<${PlanView} plan=${plan.data.recommendCourses} />`}
      </section>`
    }
    <section aria-labelledby="h-reskilling">
      <h2 id="h-reskilling">5. Reskilling paths</h2>
      <p>Occupations this person could reach, with the plan each needs (the same budget and objective).</p>
      ${params.reskill !== '1' && html`<button type="button" data-testid="show-reskilling" onClick=${() => update({ ...params, reskill: '1' })}>Show reskilling paths</button>`}
      <${Status} state=${reskilling} what="reskilling paths" />
      ${
        reskilling.data &&
        html`<${Chart} testId="reskilling-chart" pointsOnly title=${`Essential coverage reached against ${axis}, one point per occupation`} xLabel=${axis === 'price' ? 'total price (EUR)' : 'total hours'} yLabel="coverage reached" xs=${paths.map((p) => p.x)} ys=${paths.map((p) => p.plan.coverageAfter.essentialCoverage)} />
        <div class="table-wrap" tabindex="0" role="region" aria-label="Reskilling paths">
          <table data-testid="reskilling-table">
            <caption>Reskilling paths (${paths.length})</caption>
            <thead><tr><th scope="col">Occupation</th><th scope="col">Now</th><th scope="col">Reached</th><th scope="col">Courses</th><th scope="col">Hours</th><th scope="col">Price</th></tr></thead>
            <tbody>${paths.map((p) => html`<tr><th scope="row">${p.occupation.preferredLabel}</th><td>${pct(p.currentCoverage.essentialCoverage)}</td><td>${pct(p.plan.coverageAfter.essentialCoverage)}</td><td>${p.plan.steps.length}</td><td>${hours(p.plan.totalHours)}</td><td>${money(p.plan.totalPrice, p.plan.currency)}</td></tr>`)}</tbody>
          </table>
        </div>`
      }
    </section>
  </div>`;
}
