/** The explorer page: three screens (advisor, learner, portal) over the API, state in the URL. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './ui';
import { readParams, writeParams, type Params } from './url-state';
import { AdvisorView } from './advisor-view';
import { LearnerView } from './learner-view';
import { PortalView } from './portal-view';
import './styles.css';

const VIEWS = { advisor: 'Advisor', learner: 'Learner', portal: 'Job portal' } as const;
type View = keyof typeof VIEWS;

function App() {
  const [params, setParams] = useState<Params>(readParams);
  useEffect(() => {
    const onPop = () => setParams(readParams());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = (next: Params, push = false) => {
    writeParams(next, push);
    setParams(next);
  };
  const view: View = params.view in VIEWS ? (params.view as View) : 'advisor';
  const Screen = view === 'learner' ? LearnerView : view === 'portal' ? PortalView : AdvisorView;
  return html`<a class="skip" href="#main">Skip to content</a>
    <header>
      <h1>credgraph explorer</h1>
      <p class="tagline">Why a person counts as covered, skill by skill, and which proven-cheapest courses close the rest.</p>
      <nav aria-label="Screens"><ul>
        ${(Object.keys(VIEWS) as View[]).map(
          (v) =>
            html`<li><a href=${`?view=${v}`} aria-current=${v === view ? 'page' : undefined} onClick=${(e: Event) => {
              e.preventDefault();
              update({ view: v }, true);
            }}>${VIEWS[v]}</a></li>`,
        )}
      </ul></nav>
    </header>
    <main id="main" tabindex="-1"><${Screen} key=${view} params=${params} update=${update} /></main>
    <footer><p>Data: ESCO v1.1.1 (European Commission) and the invented demo catalog. <a href="/graphiql">GraphiQL</a></p></footer>`;
}

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading" line, shown until the script runs
render(html`<${App} />`, root);
