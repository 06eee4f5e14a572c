import type { ImportSummary } from '../src/ingest/runner.js';
import { pairKey, type LabelledSet } from './resolution-set.js';
import { tally, TARGETS, type PairOutcome, type Ratio, type Scores } from './resolution-score.js';

/** What the report says about how the run was made, besides the scores. */
export interface RunFacts {
  /** The commit the code was at, when git can tell. */
  commit: string | undefined;
  imports: { gdelt: ImportSummary; acled: ImportSummary };
  /** Each rejected row: file, line and reason. */
  rejects: string[];
  /** Whether `claimgraph resolve events` ran over the graph after the imports, or why not. */
  resolveEvents: string;
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const fraction = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const ofTotal = ({ correct, total }: Ratio) => `${correct}/${total} (${percent(total ? correct / total : null)})`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** The headline numbers, for the report and for the terminal. */
export function headline(scores: Scores) {
  const { precision, recall } = scores.events;
  const outlets = tally(scores.outlets);
  const actors = tally(scores.actors);
  const statements = tally(scores.statements);
  return {
    precision,
    recall,
    outlets,
    actors,
    statements,
    rows: [
      ['pairwise precision of event matching', `≥ ${TARGETS.precision}`, fraction(precision), verdict(precision !== null && precision >= TARGETS.precision)],
      ['pairwise recall of event matching', `≥ ${TARGETS.recall}`, fraction(recall), verdict(recall !== null && recall >= TARGETS.recall)],
      ['outlet resolution (mention URLs)', '100%', ofTotal(outlets), verdict(outlets.correct === outlets.total)],
      ['actor resolution (codes and names)', '100%', ofTotal(actors), verdict(actors.correct === actors.total)],
      ['statement attachment', 'none set in issue 14', ofTotal(statements), ''],
    ],
  };
}

function pairLines(pairs: PairOutcome[]): string {
  if (pairs.length === 0) return 'None.\n';
  const byIncidents = new Map<string, PairOutcome[]>();
  for (const pair of pairs) {
    const key = pair.incidents[0] === pair.incidents[1] ? pair.incidents[0] : `${pair.incidents[0]} × ${pair.incidents[1]}`;
    byIncidents.set(key, [...(byIncidents.get(key) ?? []), pair]);
  }
  return [...byIncidents]
    .map(([incidents, group]) =>
      [`**${incidents}**${group[0]!.hardNegative ? ` (hard negative: ${group[0]!.hardNegative})` : ''}`, '', ...group.map((p) => `- ${code(p.a)} – ${code(p.b)}: ${p.how.join('; ')}`)].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

export function renderReport(set: LabelledSet, scores: Scores, facts: RunFacts): string {
  const { events } = scores;
  const head = headline(scores);
  const rowsOf = (members: string[], source: string) => members.filter((id) => id.startsWith(source)).length;
  const negatives = set.incidents.filter((incident) => incident.hardNegative);
  const falsePositives = scores.pairs.filter((p) => p.truth === 'different' && p.predicted);
  const falseNegatives = scores.pairs.filter((p) => p.truth === 'same' && !p.predicted);
  const ambiguous = scores.pairs.filter((p) => p.truth === 'ambiguous');
  const wrongOutlets = scores.outlets.filter((o) => !o.correct);
  const imported = (s: ImportSummary) =>
    `${s.imported} of ${s.rows} rows imported, ${Object.values(s.skipped).reduce((sum, n) => sum + n, 0)} skipped, ${s.rejected} rejected`;

  return `# Resolution, measured

Written by \`npm run eval:resolution\`${facts.commit ? ` at commit ${facts.commit}` : ''}; do not edit by hand, run it again.
The labelled set is in [eval/resolution/](../eval/resolution/) (its truth in
[labels.yaml](../eval/resolution/labels.yaml)); issue 14, item 6 asks for it. The command starts a
throwaway Neo4j, imports the set through the real importers, GDELT first and ACLED after it, and
reads what the resolution layer made of it: \`MATCHES\` links between events (CONFIRMED, CANDIDATE,
REJECTED, with a score and reasons), the events each statement is about, the outlet of each
mention and the actor of each code and name.

## The set

Written by hand from the GDELT 2.0 and ACLED codebooks, patterned on reported strikes in Iraq and
Syria in 2016-2017 at real towns and coordinates; every id, URL and figure is made up.

- ${set.incidents.length} incidents: ${negatives.length} of them hard negatives, each built to look like another one, and ${set.ambiguous.length} pairings of
  incidents that cannot be told apart (ambiguous).
- ${set.counts.gdeltEventRows} GDELT armed-event rows (CAMEO 18, 19x, 20) and ${set.counts.gdeltSpeechRows} statement rows (015, 016, 101, 112x)
  in ${set.counts.gdeltFiles / 2} fifteen-minute Events files, with ${set.counts.mentionRows} mentions (${set.mentions.length} distinct URLs) in their Mentions files.
- ${set.counts.acledRows} ACLED rows in ${set.acledFiles.length} exports.
- Import: GDELT ${imported(facts.imports.gdelt)}; ACLED ${imported(facts.imports.acled)}.
- \`claimgraph resolve events\`: ${facts.resolveEvents}.
${facts.rejects.length ? `\nRejected rows (the set is meant to import whole, so each is a finding):\n\n${facts.rejects.map((line) => `- ${line}`).join('\n')}\n` : ''}
${table(
  ['incident', 'GDELT rows', 'ACLED rows', 'hard negative of', 'what'],
  set.incidents.map((incident) => [
    incident.id,
    String(rowsOf(incident.members, 'gdelt:')),
    String(rowsOf(incident.members, 'acled:')),
    incident.hardNegative ? `${incident.hardNegative.of} (${incident.hardNegative.kind})` : '',
    incident.description,
  ]),
)}

Pairs of labelled armed-event ids: ${events.truePairs} belong together, ${events.falsePairs} do not, ${events.ambiguousPairs} are ambiguous
(left out of precision and recall).

## Results

A pair of source ids counts as predicted together when both identify one event record (GDELT rows
of one code, day and place are one record) or records in one component of CONFIRMED links.

${table(['measure', 'target', 'result', ''], head.rows)}

- Pairs predicted together: ${events.truePositives} true, ${events.falsePositives} false; ${events.falseNegatives} true pairs not together.
- Waiting for review: ${events.pendingTrue} true pairs would come together once their CANDIDATE links are confirmed, and ${events.pendingFalse} false pairs would.
- Source ids that identify no event: ${events.missing.length ? events.missing.map(code).join(', ') : 'none'}.

### Hard negatives

${table(
  ['kind', 'pairs', 'predicted together', 'with a CONFIRMED link'],
  scores.hardNegatives.map((h) => [h.kind, String(h.pairs), String(h.together), String(h.confirmedLinks)]),
)}

### False positives

Pairs predicted together that belong to different incidents, by incidents, with each link's score and reasons.

${pairLines(falsePositives)}
### False negatives

Pairs of one incident not predicted together, with the link between them if there is one.

${pairLines(falseNegatives)}
### Ambiguous pairs

${table(
  ['pair', 'why', 'pairs of ids', 'predicted together'],
  set.ambiguous.map(({ pair, why, pairs }) => {
    const inside = ambiguous.filter((p) => pairs.has(pairKey(p.a, p.b)));
    return [`${pair[0]} – ${pair[1]}`, why, String(inside.length), String(inside.filter((p) => p.predicted).length)];
  }),
)}

### Statements

Each statement row must be about events of its own incident only (an incident ambiguous with it
is forgiven), and never a hard negative of it.

${table(
  ['row', 'labelled incident', 'attached to incidents', 'predicted incidents (CONFIRMED components)', 'verdict'],
  scores.statements.map((s) => [
    s.id,
    s.expected ?? '(none in the set)',
    s.found ? [...s.incidents, ...s.unlabelledEvents.map((event) => `unlabelled event ${event}`)].join(', ') || 'nothing' : 'no statement carries this id',
    String(s.components),
    s.correct ? 'right' : s.onHardNegatives.length ? `**wrong: on hard negative ${s.onHardNegatives.join(', ')}**` : '**wrong**',
  ]),
)}

### Outlets

${ofTotal(head.outlets)} mention URLs are published by the outlet the labels name.

${table(
  ['MentionSourceName', 'expected outlet', 'outlets found', 'URLs right'],
  [...set.outlets].map(([domain, name]) => {
    const urls = set.mentions.filter((m) => m.domain === domain).map((m) => scores.outlets.find((o) => o.id === m.url)!);
    return [domain, name, [...new Set(urls.flatMap((o) => (o.got.length ? o.got : ['(none)'])))].join(', '), `${urls.filter((o) => o.correct).length}/${urls.length}`];
  }),
)}
${wrongOutlets.length ? `\nWrong: ${wrongOutlets.map((o) => `${o.id} → ${o.got.join(', ') || 'no outlet'} (expected ${o.expected})`).join('; ')}.\n` : ''}
### Actors

${ofTotal(head.actors)} codes and names resolve to the expected actor.

${table(['external id', 'expected actor', 'actors found', ''], scores.actors.map((a) => [code(a.id), a.expected, a.got.join(', ') || '(none)', a.correct ? 'right' : '**wrong**']))}
`;
}
