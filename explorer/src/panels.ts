import { keyOf, request } from './api';
import { formatDate } from './dates';
import { el, failure, link, loading } from './dom';
import {
  ExplorerClaimDocument,
  ExplorerStatementDocument,
  type ExplorerPositionFragment,
  type ExplorerStatementDetailFragment,
  type ExplorerStatementSummaryFragment,
} from './generated/graphql';
import { stanceColour, stanceLabel } from './stances';

type Chain = ExplorerStatementDetailFragment['provenanceChains'][number];
type Step = Chain['steps'][number];

function articleName(article: { title: string; outlet?: { name: string } | null }): string {
  return article.outlet ? `${article.outlet.name}: “${article.title}”` : `“${article.title}”`;
}

function stepTarget(step: Step): string {
  const to = step.to;
  if (to.__typename === 'Article') return articleName(to);
  if (to.__typename === 'Actor' || to.__typename === 'Outlet') return to.name;
  return `statement “${to.text}”`;
}

/** One carrier's way back to the origin: WNU → RT → Russian Ministry of Defence. */
function chainView(chain: Chain): HTMLElement {
  const list = el('ol', { class: 'chain', 'aria-label': `How ${chain.carriedBy.outlet?.name ?? 'an article'} carried it` });
  list.append(el('li', {}, articleName(chain.carriedBy)));
  for (const step of chain.steps) list.append(el('li', {}, step.via ? el('span', { class: 'via' }, `${step.via} → `) : '→ ', stepTarget(step)));
  const origin = chain.firstAppearedIn
    ? `First appeared in ${articleName(chain.firstAppearedIn)}`
    : 'Where it first appeared is not known';
  return el('div', { class: 'chain-block' }, list, el('p', { class: 'origin' }, origin));
}

function chainsView(chains: Chain[]): HTMLElement[] {
  return chains.length ? chains.map(chainView) : [el('p', { class: 'state state-empty' }, 'No article is known to have carried it.')];
}

/** A statement's provenance, read when the reader opens it (so a claim's many statements cost one request each, on demand). */
function lazyProvenance(statementId: string): HTMLElement {
  const body = el('div');
  const details = el('details', { class: 'provenance' }, el('summary', {}, 'Provenance'), body);
  details.addEventListener('toggle', () => {
    if (!details.open || body.childElementCount) return;
    body.replaceChildren(loading('the provenance'));
    request(ExplorerStatementDocument, { id: statementId }).then(
      ({ statement }) => body.replaceChildren(...chainsView(statement?.provenanceChains ?? [])),
      (error: unknown) => body.replaceChildren(failure(error)),
    );
  });
  return details;
}

export function statementDetail(statement: ExplorerStatementSummaryFragment | ExplorerStatementDetailFragment, outlets?: ExplorerPositionFragment['outlets']): HTMLElement {
  const who = [statement.speaker?.name, statement.onBehalfOf ? `for ${statement.onBehalfOf.name}` : undefined].filter(Boolean).join(' ');
  return el(
    'article',
    { class: 'statement', 'data-statement': statement.key },
    el('p', { class: 'meta' }, `${statement.kind.toLowerCase().replaceAll('_', ' ')} · ${who || 'in the outlet’s own voice'} · `, el('time', {}, formatDate(statement.madeAt, statement.madeAtPrecision))),
    el('blockquote', {}, statement.text),
    outlets?.length ? el('p', { class: 'outlets' }, `Carried by ${outlets.map((o) => o.name).join(', ')}`) : null,
    statement.stances.length
      ? el(
          'ul',
          { class: 'stances' },
          ...statement.stances.map((s) =>
            el('li', {}, el('span', { class: 'badge', style: `background:${stanceColour(s.value)}` }, stanceLabel(s.value)), ' ', link(`/explore/claim/${keyOf(s.claim.id).key}`, s.claim.proposition)),
          ),
        )
      : null,
    'provenanceChains' in statement
      ? el('details', { class: 'provenance', open: true }, el('summary', {}, `Provenance (${statement.provenanceChains.length} carrier${statement.provenanceChains.length === 1 ? '' : 's'})`), ...chainsView(statement.provenanceChains))
      : lazyProvenance(statement.id),
  );
}

function side(title: string, positions: ExplorerPositionFragment[], className: string): HTMLElement {
  return el(
    'section',
    { class: `side ${className}`, 'aria-label': title },
    el('h3', {}, `${title} (${positions.length})`),
    positions.length
      ? el('ul', {}, ...positions.map((p) => el('li', {}, el('span', { class: 'badge', style: `background:${stanceColour(p.value)}` }, stanceLabel(p.value)), statementDetail(p.statement, p.outlets))))
      : el('p', { class: 'state state-empty' }, 'Nobody.'),
  );
}

/** A signed number of days as words: "3 days after", "1 day before". */
const daysFrom = (days: number) => `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days < 0 ? 'before' : 'after'}`;

/** Asserters against deniers, side by side, each with outlets, dates and provenance. */
export async function claimPanel(target: HTMLElement, claimId: string): Promise<void> {
  target.replaceChildren(loading('the claim'));
  try {
    const { claim } = await request(ExplorerClaimDocument, { id: claimId });
    if (!claim) throw new Error('No such claim.');
    const gap = claim.contest.assertionToDenialDays;
    target.replaceChildren(
      el(
        'div',
        { class: 'claim-panel', 'data-claim': claim.key },
        el('h2', {}, claim.proposition),
        el(
          'p',
          { class: 'meta' },
          claim.contest.contested ? 'Contested' : 'Not contested',
          gap ? ` · first denial ${gap.min === gap.max ? daysFrom(gap.min) : `from ${daysFrom(gap.min)} to ${daysFrom(gap.max)}`} the first assertion` : '',
          claim.event ? ' · about ' : '',
          claim.event ? link(`/explore/event/${claim.event.key}`, claim.event.title) : null,
        ),
        el('div', { class: 'sides' }, side('Asserted by', claim.asserters, 'asserters'), side('Denied or disputed by', claim.deniers, 'deniers')),
      ),
    );
  } catch (error) {
    target.replaceChildren(failure(error, () => void claimPanel(target, claimId)));
  }
}

export async function statementPanel(target: HTMLElement, statementId: string): Promise<void> {
  target.replaceChildren(loading('the statement'));
  try {
    const { statement } = await request(ExplorerStatementDocument, { id: statementId });
    if (!statement) throw new Error('No such statement.');
    target.replaceChildren(el('div', { class: 'statement-panel' }, el('h2', {}, 'Statement'), statementDetail(statement)));
  } catch (error) {
    target.replaceChildren(failure(error, () => void statementPanel(target, statementId)));
  }
}
