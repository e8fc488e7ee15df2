/**
 * Synthetic specs for the benchmark: N realistic, valid specs of about 1,500 words each, written
 * from word banks per domain. Pure and deterministic for a seed, so two runs measure the same
 * corpus; `writeSpecs` is the only part that touches the disk.
 *
 * Every spec follows the template and the status rules of DESIGN.md §2: Approved and In Review
 * specs have every section and no TBD; Drafts may stop early and leave timelines TBD. Across the
 * corpus every timeline form, every status, nested folders, ~40 authors and tags all appear.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AUTHORS, COMMON, DOMAINS, type Domain } from './words.ts';

/** The spellings of a Timeline the generator writes, one per form of the grammar. */
export const TIMELINE_FORMS = [
	'range →',
	'range ->',
	'range –',
	'range to',
	'range ..',
	'quarter Q1 2027',
	'quarter 2027-Q1',
	'quarter range',
	'month 2027-03',
	'month March 2027',
	'month Mar 2027',
	'month range',
	'duration weeks',
	'duration days',
	'duration range',
	'duration 1 week',
	'TBD',
] as const;
export type TimelineForm = (typeof TIMELINE_FORMS)[number];

export const GENERATED_STATUSES = ['Draft', 'In Review', 'Approved'] as const;
export type GeneratedStatus = (typeof GENERATED_STATUSES)[number];

export interface GenerateOptions {
	/** Seed of the pseudo-random generator; the same seed gives the same corpus. */
	seed?: number;
	/** ISO date no Last Updated may pass, and after which every phase starts. */
	today: string;
}

/** One generated spec file. */
export interface GeneratedSpec {
	/** Path under the specs folder, `/`-separated (e.g. `team-07/area-3/ledger-posting-batches.md`). */
	path: string;
	feature: string;
	status: GeneratedStatus;
	/** Its Last Updated date (ISO). */
	lastUpdated: string;
	/** The timeline spellings used by its phases, in order. */
	timelineForms: TimelineForm[];
	/** Whitespace-separated words in the file. */
	words: number;
	/** The Markdown file. */
	source: string;
}

/** The Last Updated dates are spread over the year before `today`. */
const HISTORY_DAYS = 365;
const TEAMS = 40;
const AREAS = 6;

/** N specs, deterministic for `options.seed`. */
export function generateSpecs(count: number, options: GenerateOptions): GeneratedSpec[] {
	const rng = mulberry32(options.seed ?? 1);
	const features = new Set<string>();
	const paths = new Set<string>();
	// Round-robin over the dated and duration forms, so that any 50 specs show all of them.
	let nextForm = 0;
	const takeForm = () => TIMELINE_FORMS[nextForm++ % (TIMELINE_FORMS.length - 1)]!;
	const specs: GeneratedSpec[] = [];
	for (let index = 0; index < count; index++) {
		// Domains in turn, so that every one (and its words for the search benchmark) is in any 7 specs.
		const domain = DOMAINS[index % DOMAINS.length]!;
		const w = writer(rng, domain);
		const status = pickStatus(rng());
		const feature = uniqueFeature(w, features);
		const path = uniquePath(index, slugify(feature), rng, paths);
		const { source, forms, lastUpdated } = writeSpec(w, { feature, status, today: options.today, takeForm });
		specs.push({ path, feature, status, lastUpdated, timelineForms: forms, words: source.split(/\s+/u).filter(Boolean).length, source });
	}
	return specs;
}

/** Writes the specs under `dir` (created as needed). */
export function writeSpecs(dir: string, specs: readonly GeneratedSpec[]): void {
	for (const spec of specs) {
		const file = join(dir, spec.path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, spec.source);
	}
}

/** 45% Approved, 30% In Review, 25% Draft: roughly a live organisation's mix. */
function pickStatus(roll: number): GeneratedStatus {
	return roll < 0.45 ? 'Approved' : roll < 0.75 ? 'In Review' : 'Draft';
}

/**
 * `team-07/area-3/slug.md`, a fifth of them one level up (`team-07/slug.md`). Independent of N, so
 * the first specs of a larger corpus are the same files as those of a smaller one.
 */
function uniquePath(index: number, slug: string, rng: () => number, taken: Set<string>): string {
	const team = `team-${String((index % TEAMS) + 1).padStart(2, '0')}`;
	const folder = rng() < 0.2 ? team : `${team}/area-${1 + Math.floor(rng() * AREAS)}`;
	let path = `${folder}/${slug}.md`;
	for (let n = 2; taken.has(path); n++) path = `${folder}/${slug}-${n}.md`;
	taken.add(path);
	return path;
}

function uniqueFeature(w: Writer, taken: Set<string>): string {
	const base = capitalise(`${w.pick(w.domain.qualifiers)} ${w.pick(w.domain.nouns)} ${w.pick(FEATURE_SUFFIXES)}`);
	let feature = base;
	for (let version = 2; taken.has(feature.toLowerCase()); version++) feature = `${base} v${version}`;
	taken.add(feature.toLowerCase());
	return feature;
}

const FEATURE_SUFFIXES = words('pipeline | service | rollout | migration | API | redesign | engine | platform | controls | dashboard | framework | automation | v2 | policy | integration');

interface SpecPlan {
	feature: string;
	status: GeneratedStatus;
	today: string;
	takeForm: () => TimelineForm;
}

/** The template's sections after Implementation, in order: a Draft may stop before any of them. */
const LATER_SECTIONS = ['Testing Strategy', 'Deployment', 'Monitoring', 'Documentation'] as const;

function writeSpec(w: Writer, plan: SpecPlan): { source: string; forms: TimelineForm[]; lastUpdated: string } {
	const { rng, domain } = w;
	const out: string[] = [];
	const bullet = rng() < 0.85 ? '-' : '*';
	const labelInside = rng() < 0.15;
	const field = (label: string, value: string) => {
		const head = labelInside ? `${bullet} **${label}:** ` : `${bullet} **${label}**: `;
		out.push(wrap(head + value, '  '));
	};
	const listField = (label: string, items: string[], ordered = false) => {
		out.push(labelInside ? `${bullet} **${label}:**` : `${bullet} **${label}**:`);
		items.forEach((item, index) => out.push(wrap(`  ${ordered ? `${index + 1}.` : '-'} ${item}`, ordered ? '     ' : '    ')));
	};

	const tags = w.sample([domain.name, ...domain.tags.filter((tag) => tag !== domain.name)], 1 + Math.floor(rng() * 3));
	if (rng() < 0.8) out.push('---', `tags: [${tags.join(', ')}]`, '---', '');
	out.push(`# ${plan.feature}`, '', '## Overview');
	field('Feature', plan.feature);
	const authors = w.sample(AUTHORS as string[], 1 + Math.floor(rng() * 3)).map((name, index) => decorateAuthor(name, index, rng));
	const authorsLabel = authors.length === 1 ? (rng() < 0.5 ? 'Author' : 'Author(s)') : rng() < 0.8 ? 'Author(s)' : 'Authors';
	field(authorsLabel, joinAuthors(authors, rng));
	const lastUpdated = addDays(plan.today, -Math.floor(rng() * HISTORY_DAYS));
	field('Last Updated', lastUpdated);
	field('Status', plan.status);

	out.push('', '## Background');
	field('Context', w.paragraph(5, 6));
	field('Problem Statement', w.paragraph(4, 5));
	listField('Goals', w.list(3, 5, GOALS));
	listField('Non-Goals', w.list(2, 3, NON_GOALS));

	out.push('', '## Architecture', '### System Design');
	field('Components', `${w.codeList(3, 5)}. ${w.sentence()}`);
	field('Data Flow', w.paragraph(5, 7));
	field('Integration Points', w.paragraph(2, 3));
	out.push('', '### Technical Details');
	field('Technology Stack', `${w.sample(domain.tech, 3 + Math.floor(rng() * 3)).join(', ')}.`);
	field('APIs', `${w.endpoint()} and ${w.endpoint()}. ${w.paragraph(2, 3)}`);
	field('Database', w.paragraph(2, 3));
	field('Security', w.paragraph(2, 3));

	const draft = plan.status === 'Draft';
	const forms: TimelineForm[] = [];
	out.push('', '## Implementation');
	const phaseCount = 2 + Math.floor(rng() * 3);
	const phaseNames = w.sample(COMMON.phaseNames, phaseCount);
	// Every phase starts after `today` and after the phase before, so no schedule warning fires.
	let cursor = addDays(plan.today, 7 + Math.floor(rng() * 90));
	let previousEnd: string | null = null;
	for (let number = 1; number <= phaseCount; number++) {
		out.push('', `### Phase ${number}: ${phaseNames[number - 1]}`);
		listField('Tasks', w.list(3, 5, TASKS), true);
		const dependencies = number > 1 && rng() < 0.5 ? [`Phase ${number - 1} in production`] : [];
		if (rng() < 0.25 && dependencies.length === 0) out.push(`${bullet} **Dependencies**: None`);
		else listField('Dependencies', [...dependencies, ...w.list(1, 2, DEPENDENCIES)]);
		const form: TimelineForm = draft && rng() < 0.3 ? 'TBD' : plan.takeForm();
		const timeline = writeTimeline(form, cursor, rng);
		// A duration ends where it is counted from the previous phase's end (no dates without one).
		previousEnd = timeline.end ?? (timeline.days && previousEnd ? addDays(previousEnd, timeline.days) : null);
		cursor = previousEnd ? addDays(previousEnd, 1) : addDays(cursor, timeline.days ?? 30);
		forms.push(form);
		field('Timeline', timeline.text);
	}

	// A Draft may not have written its later sections yet.
	const kept = draft ? LATER_SECTIONS.length - Math.floor(rng() * (LATER_SECTIONS.length + 1)) : LATER_SECTIONS.length;
	const sections = LATER_SECTIONS.slice(0, kept);
	if (sections.includes('Testing Strategy')) {
		out.push('', '## Testing Strategy', '### Unit Testing');
		field('Scope', w.paragraph(2, 3));
		field('Approach', w.paragraph(2, 3));
		field('Tools', `${w.sample(COMMON.tools, 2 + Math.floor(rng() * 2)).join(', ')}.`);
		out.push('', '### Integration Testing');
		field('Scope', w.paragraph(2, 3));
		field('Approach', w.paragraph(2, 3));
		field('Environment', `${capitalise(w.pick(COMMON.environments))}. ${w.sentence()}`);
	}
	if (sections.includes('Deployment')) {
		out.push('', '## Deployment', '### Requirements');
		field('Infrastructure', w.paragraph(2, 3));
		field('Configuration', `Flags ${w.flag()}, ${w.flag()} and ${w.flag()}. ${w.sentence()}`);
		field('Dependencies', w.paragraph(2, 2));
		out.push('', '### Rollout Plan');
		w.list(3, 5, ROLLOUT).forEach((step, index) => out.push(wrap(`${index + 1}. ${step}`, '   ')));
	}
	if (sections.includes('Monitoring')) {
		out.push('', '## Monitoring', '### Metrics');
		field('Performance', w.paragraph(2, 2));
		field('Error Rates', w.paragraph(2, 2));
		field('Usage', w.paragraph(2, 2));
		out.push('', '### Alerts');
		field('Thresholds', w.paragraph(2, 3));
		field('Response', w.paragraph(2, 3));
	}
	if (sections.includes('Documentation')) {
		out.push('', '## Documentation', '### Technical Documentation');
		field('API Docs', w.paragraph(2, 2));
		field('Architecture Docs', w.paragraph(2, 2));
		field('Operation Guide', `Runbook ${w.code()}. ${w.sentence()}`);
		out.push('', '### User Documentation');
		field('User Guide', w.paragraph(2, 2));
		field('Release Notes', w.paragraph(2, 2));
	}
	// Sections the template lacks are welcome (kept and rendered, not validated).
	if (rng() < 0.5) {
		out.push('', '## Open Questions');
		for (const question of w.list(2, 4, QUESTIONS)) out.push(wrap(`- ${question}`, '  '));
	}
	if (rng() < 0.3) {
		out.push('', '## Alternatives Considered', '', wrap(w.paragraph(3, 5), ''));
	}
	return { source: `${out.join('\n')}\n`, forms, lastUpdated };
}

/** `Ana Lima`, `Ana Lima <ana.lima@example.com>` or `Ana Lima (@alima)`. */
function decorateAuthor(name: string, index: number, rng: () => number): string {
	const roll = rng();
	const [first = '', last = ''] = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(' ');
	if (roll < 0.15) return `${name} <${first}.${last}@example.com>`;
	if (roll < 0.25 && index > 0) return `${name} (@${first[0]}${last})`;
	return name;
}

function joinAuthors(authors: string[], rng: () => number): string {
	if (authors.length === 1) return authors[0]!;
	if (rng() < 0.5) return authors.join(', ');
	return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

const MONTH_NAMES = words('January | February | March | April | May | June | July | August | September | October | November | December');

/**
 * A Timeline in the given form that starts on or after `from`, with its last day (null for a
 * duration or TBD: those take their dates, if any, from the phase before) or its length in days.
 */
function writeTimeline(form: TimelineForm, from: string, rng: () => number): { text: string; end: string | null; days?: number } {
	const [year, month, day] = from.split('-').map(Number) as [number, number, number];
	// The first month and the first quarter that start on or after `from`.
	const monthIndex = year * 12 + (month - 1) + (day === 1 ? 0 : 1);
	const quarterIndex = Math.ceil((year * 12 + (month - 1) + (day === 1 ? 0 : 1)) / 3);
	const monthOf = (index: number) => ({ y: Math.floor(index / 12), m: (index % 12) + 1 });
	const quarterOf = (index: number) => ({ y: Math.floor(index / 4), q: (index % 4) + 1 });
	const lastOfMonth = (index: number) => {
		const { y, m } = monthOf(index);
		return isoDate(y, m, daysInMonth(y, m));
	};
	const short = (m: number) => MONTH_NAMES[m - 1]!.slice(0, 3);
	switch (form) {
		case 'range →':
		case 'range ->':
		case 'range –':
		case 'range to':
		case 'range ..': {
			const start = addDays(from, Math.floor(rng() * 10));
			const end = addDays(start, 13 + Math.floor(rng() * 50));
			const separator = form.slice('range '.length);
			return { text: `${start} ${separator} ${end}`, end };
		}
		case 'quarter Q1 2027':
		case 'quarter 2027-Q1': {
			const { y, q } = quarterOf(quarterIndex);
			const end = lastOfMonth(quarterIndex * 3 + 2);
			return { text: form === 'quarter Q1 2027' ? `Q${q} ${y}` : `${y}-Q${q}`, end };
		}
		case 'quarter range': {
			const first = quarterOf(quarterIndex);
			const last = quarterOf(quarterIndex + 1);
			const text = first.y === last.y ? `Q${first.q}–Q${last.q} ${last.y}` : `Q${first.q} ${first.y} – Q${last.q} ${last.y}`;
			return { text, end: lastOfMonth((quarterIndex + 1) * 3 + 2) };
		}
		case 'month 2027-03':
		case 'month March 2027':
		case 'month Mar 2027': {
			const { y, m } = monthOf(monthIndex);
			const name = form === 'month 2027-03' ? `${y}-${String(m).padStart(2, '0')}` : `${form === 'month March 2027' ? MONTH_NAMES[m - 1] : short(m)} ${y}`;
			return { text: name, end: lastOfMonth(monthIndex) };
		}
		case 'month range': {
			const lastIndex = monthIndex + 1 + Math.floor(rng() * 3);
			const first = monthOf(monthIndex);
			const last = monthOf(lastIndex);
			const text = first.y === last.y ? `${short(first.m)}–${short(last.m)} ${last.y}` : `${short(first.m)} ${first.y} – ${short(last.m)} ${last.y}`;
			return { text, end: lastOfMonth(lastIndex) };
		}
		case 'duration weeks': {
			const weeks = 2 + Math.floor(rng() * 7);
			return { text: `${weeks} weeks`, end: null, days: weeks * 7 };
		}
		case 'duration days': {
			const days = 5 + Math.floor(rng() * 25);
			return { text: `${days} days`, end: null, days };
		}
		case 'duration range': {
			const low = 1 + Math.floor(rng() * 4);
			const high = low + 1 + Math.floor(rng() * 2);
			// The upper bound counts.
			return { text: `${low}-${high} weeks`, end: null, days: high * 7 };
		}
		case 'duration 1 week':
			return { text: '1 week', end: null, days: 7 };
		case 'TBD':
			return { text: 'TBD', end: null };
	}
}

// ——— Prose ———

type Writer = ReturnType<typeof writer>;

/** Sentence templates: `{slot}`s are filled from the domain's banks and the common ones. */
const SENTENCES = words(`
	The {system} {verb} every {noun} before the {noun2} reaches {system2}.
	Today {people} handle about {n} cases a month by hand, at roughly {small} minutes each.
	Since {year}, the {adj} {noun} path has grown to {n} requests a day across {small} regions.
	When a {noun} fails, the {system} {verb} it with an idempotency key and records the outcome in {table}.
	The {metric} has drifted from {pct}% to {pct2}% over the last {small} quarters.
	{team} owns the {system} and will review every change to the {noun} contract.
	A {qual} {noun} removes the nightly batch that {people} wait for.
	Reads go to a replica; writes go through the {system} so that ordering per {noun} is preserved.
	The {adj} {noun} store keeps {small} years of history, partitioned by day.
	Without this change the {metric} stays above the target agreed with {team}.
	Each {noun} carries a version, so {system2} can reject stale updates instead of overwriting newer ones.
	The p95 latency of {system} is {ms} ms today and must stay under {ms2} ms.
	Backfills run through the same code path as live traffic, throttled to {n} rows a second.
	We keep the {adj} API as a thin wrapper until every caller has moved, then remove it.
	The design favours boring technology: {tech} and {tech2}, both already run by {team}.
	Failures are visible in one place: the {system} dashboard, with a link to runbook {code}.
	A {qual} {noun} is cheaper to operate than the {adj} {noun2}, by about {pct}% of compute.
	{people} asked for this in {small} of the last {n2} quarterly surveys.
	The {system} {verb} events to the {topic} topic, keyed by {noun} id, with {small} days of retention.
	Access is limited to the {system} service account; humans read through the audited console.
	Every {noun} change emits an audit event with the acting user, the reason and the previous value.
	The contract between {system} and {system2} is a versioned schema checked in CI on both sides.
	Load tests at {n} requests a second showed the {noun} cache hit rate settling at {pct}%.
	This spec does not change how {people} see the {noun2}; only the internals move.
	Migration is reversible until the old {table} table is dropped, {small} weeks after cutover.
	Errors are classified as retryable or final; only retryable ones go back to the queue.
	Configuration lives in the {system} repository and is reviewed like code.
	If the {system2} is down, requests queue for up to {small} minutes before they fail visibly.
	Cost grows linearly with the number of {noun}s, about {small} cents per thousand.
	The rollout is guarded by a flag per {noun}, so {team} can switch back in seconds.
`);

const GOALS = words(`
	Cut the {metric} by {pct}% within one quarter of launch.
	Make every {noun} change traceable from request to {table}.
	Serve the {qual} {noun} path for all {people} without manual steps.
	Keep p95 latency of {system} under {ms} ms at {n} requests a second.
	Retire the {adj} {noun2} job and its {small} cron entries.
	Give {people} a self-service view of each {noun} and its history.
	Reach {pct}% adoption among {people} in the first month.
`);

const NON_GOALS = words(`
	Changing how {people} are billed for {noun}s.
	A {qual} redesign of the {system2} user interface.
	Supporting {noun2} flows outside the current regions.
	Replacing {tech}; it stays as it is.
	Historical data older than {small} years.
`);

const TASKS = words(`
	Define the {noun} schema and its versioning rules in {system}.
	Implement the {qual} {noun} path behind the flag {flag}.
	Add the {table} table with a migration that can run online.
	Write the backfill job for existing {noun}s, throttled and resumable.
	Emit {metric} metrics and build the {system} dashboard.
	Switch {system2} to the new {noun} API and remove the old client.
	Run a game day with {team} covering {noun} failures.
	Document the {noun} lifecycle and update runbook {code}.
	Load test at {n} requests a second in {env}.
	Review access to {table} with {team}.
`);

const DEPENDENCIES = words(`
	{system} v{small} deployed in every region
	Capacity for {system2} approved by {team}
	The {topic} topic provisioned with {small} partitions
	Security review of the {noun} flow by {team}
	{tech} upgrade finished by the platform team
	Schema registry entry for the {noun} event
`);

const ROLLOUT = words(`
	Enable the {qual} path for internal test accounts in production.
	Shadow {pct}% of traffic and compare {noun} outcomes with the old path for a week.
	Open the flag to {pct}% of {people}, watching the {metric} dashboard.
	Ramp to all {people} region by region.
	Backfill existing {noun}s and verify totals against {table}.
	Remove the old {noun2} path and drop its tables.
`);

const QUESTIONS = words(`
	Should {system} own the {noun} lifecycle, or should {system2}?
	Do {people} need the {adj} {noun2} export on day one?
	Is {small} years of {noun} history enough for audits?
	Can we reuse the {topic} topic or do we need a new one?
	Who approves changes to the {noun} thresholds after launch?
`);

function writer(rng: () => number, domain: Domain) {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
	const int = (low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
	const snake = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/gu, '_').replace(/^_|_$/gu, '');
	const code = () => `${domain.code}-RB-${String(int(1, 999)).padStart(3, '0')}`;
	const flag = () => `\`${domain.name}.${snake(pick(domain.nouns))}.${pick(['enabled', 'v2', 'rollout', 'shadow', 'strict'])}\``;
	const slots: Record<string, () => string> = {
		system: () => `\`${pick(domain.systems)}\``,
		system2: () => `\`${pick(domain.systems)}\``,
		noun: () => pick(domain.nouns),
		noun2: () => pick(domain.nouns),
		qual: () => pick(domain.qualifiers),
		metric: () => pick(domain.metrics),
		tech: () => pick(domain.tech),
		tech2: () => pick(domain.tech),
		verb: () => pick(COMMON.verbs),
		adj: () => pick(COMMON.adjectives),
		team: () => capitalise(pick(COMMON.teams)),
		people: () => pick(COMMON.people),
		env: () => pick(COMMON.environments),
		table: () => `\`${domain.name}.${snake(pick(domain.nouns))}s\``,
		topic: () => `\`${domain.name}.${snake(pick(domain.nouns))}.events\``,
		code,
		flag,
		n: () => String(int(2, 90) * 100),
		n2: () => String(int(10, 16)),
		small: () => String(int(2, 9)),
		pct: () => String(int(2, 40)),
		pct2: () => String(int(41, 95)),
		ms: () => String(int(3, 30) * 10),
		ms2: () => String(int(31, 60) * 10),
		year: () => String(int(2019, 2025)),
	};
	const fill = (template: string) =>
		capitalise(template.replace(/\{(\w+)\}/gu, (_, slot: string) => slots[slot]!()).replace(/\b([Aa]) (?=[aeiou])/gu, '$1n '));
	const sentence = () => fill(pick(SENTENCES));
	return {
		rng,
		domain,
		pick,
		code,
		flag,
		sentence,
		/** `low`–`high` sentences as one paragraph. */
		paragraph: (low: number, high: number) => Array.from({ length: int(low, high) }, sentence).join(' '),
		/** `low`–`high` distinct items from a bank of templates. */
		list: (low: number, high: number, bank: readonly string[]) => sampleFrom(rng, bank, int(low, high)).map(fill),
		/** `count` distinct items. */
		sample: <T>(items: readonly T[], count: number) => sampleFrom(rng, items, count),
		codeList: (low: number, high: number) => sampleFrom(rng, domain.systems, int(low, high)).map((system) => `\`${system}\``).join(', '),
		endpoint: () => `\`${pick(['GET', 'POST', 'PUT', 'DELETE'])} /v${int(1, 3)}/${snake(pick(domain.nouns)).replace(/_/gu, '-')}s/{id}\``,
	};
}

/** `count` distinct items of `items`, drawn with `rng`. */
export function sampleFrom<T>(rng: () => number, items: readonly T[], count: number): T[] {
	const pool = [...items];
	const chosen: T[] = [];
	while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
	return chosen;
}

// ——— Small pure helpers ———

/**
 * Wraps a Markdown line at about 100 columns with `indent` on continuation lines, never starting a
 * continuation with something Markdown would read as a new block (a list marker, a heading).
 */
function wrap(line: string, indent: string, width = 100): string {
	const lead = /^ */u.exec(line)![0];
	const [first = '', ...tokens] = line.slice(lead.length).split(' ');
	const lines: string[] = [];
	let current = lead + first;
	for (const token of tokens) {
		const blockStart = /^(?:[-+*#>=|]|\d+[.)]$|`{3})/u.test(token);
		if (current.length + 1 + token.length > width && !blockStart) {
			lines.push(current);
			current = indent + token;
		} else current = `${current} ${token}`;
	}
	lines.push(current);
	return lines.join('\n');
}

function words(text: string): string[] {
	return text
		.split(/\s*[|\n]\s*/u)
		.map((word) => word.trim())
		.filter(Boolean);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/gu, '-')
		.replace(/^-|-$/gu, '');
}

/** Small, fast, good enough for test data: the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function isoDate(year: number, month: number, day: number): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(iso: string, days: number): string {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}
