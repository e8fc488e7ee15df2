/**
 * Builds spec Markdown straight from the format contract (DESIGN.md §2), independently of the
 * parser under test: a complete, valid In Review spec by default, with every knob an author has
 * (bullets, label style, heading case, line ends, values, missing or extra parts) as an option.
 * Plus fixture folders in a temp dir for the analyser and the CLI.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One `### Phase N: Name`. */
export interface PhaseOptions {
	name: string;
	/** Nested ordered list items; an empty array writes the label with no value. */
	tasks?: string[];
	/** Nested bullet items; `[]` writes `None`; `null` leaves the field out. */
	dependencies?: string[] | null;
	timeline?: string;
	/** Overrides the number in the heading (defaults to the 1-based position). */
	number?: number;
}

/** How the Markdown is spelled: the contract says every one of these means the same. */
export interface SpecStyle {
	bullet?: '-' | '*' | '+';
	/** `**Label**: v`, `**Label:** v`, `__Label__: v`, `__Label:__ v`. */
	label?: 'outside' | 'inside' | 'underscore' | 'underscore-inside';
	/** Applied to every H2/H3 heading text. */
	headingCase?: 'as-is' | 'lower' | 'upper';
	/** Closing `#`s on ATX headings. */
	closingHashes?: boolean;
	/** H2 headings as setext (`Title\n---`). */
	setext?: boolean;
	eol?: '\n' | '\r\n';
	bom?: boolean;
}

export interface SpecOptions {
	/** The H1 title (defaults to the feature); `null` writes no H1. */
	title?: string | null;
	feature?: string;
	/** The Author(s) value as written. */
	authors?: string;
	/** The label used for authors: `Author(s)`, `Authors` or `Author`. */
	authorsLabel?: string;
	status?: string;
	lastUpdated?: string;
	phases?: PhaseOptions[];
	rollout?: string[];
	/** Values for other labelled fields, by template label (e.g. `{ Goals: '…' }`); `null` omits the field. */
	values?: Record<string, string | null>;
	/** Template sections (H2 or H3 titles, e.g. `Monitoring` or `Alerts`) to leave out. */
	omitSections?: string[];
	/** Extra H2 sections appended at the end, body as Markdown. */
	extraSections?: { title: string; body: string }[];
	/** Frontmatter: YAML text, or an object rendered as flow lists. */
	frontmatter?: string | { tags?: string[]; supersedes?: string[] };
	/** Lines before everything (after frontmatter), e.g. MDX imports. */
	preamble?: string;
	style?: SpecStyle;
}

/** The template's sections and labels, transcribed from spec-template.md (not read from the schema). */
export const TEMPLATE: readonly { title: string; fields?: string[]; subsections?: { title: string; fields?: string[] }[] }[] = [
	{ title: 'Overview', fields: ['Feature', 'Author(s)', 'Last Updated', 'Status'] },
	{ title: 'Background', fields: ['Context', 'Problem Statement', 'Goals', 'Non-Goals'] },
	{
		title: 'Architecture',
		subsections: [
			{ title: 'System Design', fields: ['Components', 'Data Flow', 'Integration Points'] },
			{ title: 'Technical Details', fields: ['Technology Stack', 'APIs', 'Database', 'Security'] },
		],
	},
	{ title: 'Implementation' },
	{
		title: 'Testing Strategy',
		subsections: [
			{ title: 'Unit Testing', fields: ['Scope', 'Approach', 'Tools'] },
			{ title: 'Integration Testing', fields: ['Scope', 'Approach', 'Environment'] },
		],
	},
	{
		title: 'Deployment',
		subsections: [{ title: 'Requirements', fields: ['Infrastructure', 'Configuration', 'Dependencies'] }, { title: 'Rollout Plan' }],
	},
	{
		title: 'Monitoring',
		subsections: [
			{ title: 'Metrics', fields: ['Performance', 'Error Rates', 'Usage'] },
			{ title: 'Alerts', fields: ['Thresholds', 'Response'] },
		],
	},
	{
		title: 'Documentation',
		subsections: [
			{ title: 'Technical Documentation', fields: ['API Docs', 'Architecture Docs', 'Operation Guide'] },
			{ title: 'User Documentation', fields: ['User Guide', 'Release Notes'] },
		],
	},
];

export const DEFAULT_PHASES: PhaseOptions[] = [
	{
		name: 'Foundations',
		tasks: ['Add the retry table', 'Write the planner'],
		dependencies: ['Ledger v3 in production'],
		timeline: '2027-01-04 → 2027-02-12',
	},
	{ name: 'Rollout', tasks: ['Enable for 1% of traffic'], dependencies: [], timeline: '3 weeks' },
];

export const DEFAULT_ROLLOUT = ['Deploy with the flag off', 'Enable for 10% of merchants', 'Enable for everyone'];

/** A realistic value for a template label, so a default spec reads like a filled-in one. */
const valueFor = (label: string) => `${label} notes for the retry policy.`;

/** A complete, valid In Review spec (unless options say otherwise), as Markdown. */
export function buildSpec(options: SpecOptions = {}): string {
	const style = options.style ?? {};
	const bullet = style.bullet ?? '-';
	const feature = options.feature ?? 'Payment retry policy';
	const lines: string[] = [];

	if (options.frontmatter !== undefined) {
		const yaml =
			typeof options.frontmatter === 'string'
				? options.frontmatter
				: Object.entries(options.frontmatter)
						.map(([key, list]) => `${key}: [${(list ?? []).map((item) => JSON.stringify(item)).join(', ')}]`)
						.join('\n');
		lines.push('---', ...yaml.split('\n'), '---');
	}
	if (options.preamble !== undefined) lines.push(...options.preamble.split('\n'), '');
	const title = options.title === undefined ? feature : options.title;
	if (title !== null) lines.push(`# ${title}`, '');

	const heading = (depth: 2 | 3, text: string, recase = true) => {
		const cased = !recase ? text : style.headingCase === 'lower' ? text.toLowerCase() : style.headingCase === 'upper' ? text.toUpperCase() : text;
		if (depth === 2 && style.setext) return [cased, '-'.repeat(Math.max(3, cased.length))];
		return [`${'#'.repeat(depth)} ${cased}${style.closingHashes ? ` ${'#'.repeat(depth)}` : ''}`];
	};
	const field = (label: string, value: string) => {
		const head = labelMarkup(label, style.label ?? 'outside');
		return value === '' ? `${bullet} ${head}` : `${bullet} ${head} ${value}`;
	};
	const values: Record<string, string | null> = {
		Feature: feature,
		'Author(s)': options.authors ?? 'Ana Lima, Bo Chen',
		'Last Updated': options.lastUpdated ?? '2026-11-20',
		Status: options.status ?? 'In Review',
		...options.values,
	};
	const omitted = new Set(options.omitSections ?? []);
	const fieldLines = (labels: readonly string[]) =>
		labels.flatMap((label) => {
			const value = label in values ? values[label] : valueFor(label);
			if (value === null || value === undefined) return [];
			return [field(label === 'Author(s)' ? (options.authorsLabel ?? label) : label, value)];
		});

	for (const section of TEMPLATE) {
		if (omitted.has(section.title)) continue;
		lines.push(...heading(2, section.title));
		if (section.fields) lines.push(...fieldLines(section.fields));
		if (section.title === 'Implementation') {
			(options.phases ?? DEFAULT_PHASES).forEach((phase, index) => {
				// Heading case applies to the word "Phase"; the name is content, kept as written.
				const phaseWord = style.headingCase === 'lower' ? 'phase' : style.headingCase === 'upper' ? 'PHASE' : 'Phase';
				lines.push('', ...heading(3, `${phaseWord} ${phase.number ?? index + 1}: ${phase.name}`, false));
				lines.push(...phaseLines(phase, field));
			});
		}
		for (const sub of section.subsections ?? []) {
			if (omitted.has(sub.title)) continue;
			lines.push('', ...heading(3, sub.title));
			if (sub.title === 'Rollout Plan') lines.push(...(options.rollout ?? DEFAULT_ROLLOUT).map((step, index) => `${index + 1}. ${step}`));
			else lines.push(...fieldLines(sub.fields ?? []));
		}
		lines.push('');
	}
	for (const extra of options.extraSections ?? []) lines.push(...heading(2, extra.title), extra.body, '');

	const text = lines.join('\n');
	const withEol = style.eol === '\r\n' ? text.replace(/\n/gu, '\r\n') : text;
	return style.bom ? `\uFEFF${withEol}` : withEol;
}

function phaseLines(phase: PhaseOptions, field: (label: string, value: string) => string): string[] {
	const lines: string[] = [];
	const tasks = phase.tasks ?? ['Do the work'];
	lines.push(field('Tasks', ''), ...tasks.map((task, index) => `  ${index + 1}. ${task}`));
	const dependencies = phase.dependencies ?? [];
	if (phase.dependencies === null) {
		// Left out.
	} else if (dependencies.length === 0) lines.push(field('Dependencies', 'None'));
	else lines.push(field('Dependencies', ''), ...dependencies.map((dependency) => `  - ${dependency}`));
	if (phase.timeline !== undefined) lines.push(field('Timeline', phase.timeline));
	return lines;
}

/** The label with its colon, in one of the spellings Markdown authors use. */
export function labelMarkup(label: string, style: NonNullable<SpecStyle['label']>): string {
	switch (style) {
		case 'inside':
			return `**${label}:**`;
		case 'underscore':
			return `__${label}__:`;
		case 'underscore-inside':
			return `__${label}:__`;
		default:
			return `**${label}**:`;
	}
}

/** The 1-based line of the first line containing `needle` (after line `after`); throws when absent. */
export function lineOf(markdown: string, needle: string, after = 0): number {
	const lines = markdown.split(/\r?\n/u);
	for (let index = after; index < lines.length; index++) if (lines[index]!.includes(needle)) return index + 1;
	throw new Error(`"${needle}" not found in the spec${after ? ` after line ${after}` : ''}`);
}

/** The 1-based column where `needle` starts on line `line`. */
export function columnOf(markdown: string, line: number, needle: string): number {
	const text = markdown.split(/\r?\n/u)[line - 1] ?? '';
	const index = text.indexOf(needle);
	if (index === -1) throw new Error(`"${needle}" not on line ${line}`);
	return index + 1;
}

/** Replaces one exact occurrence of `from` (throws when it is not there: a test that edits nothing proves nothing). */
export function edit(markdown: string, from: string, to: string): string {
	const index = markdown.indexOf(from);
	if (index === -1) throw new Error(`"${from}" not found in the spec`);
	return markdown.slice(0, index) + to + markdown.slice(index + from.length);
}

/** A temp folder holding `files` (path → text, `/`-separated); remove it with `cleanup()`. */
export interface Fixture {
	root: string;
	path: (relative: string) => string;
	write: (relative: string, text: string) => void;
	cleanup: () => void;
}

export function writeFixture(files: Record<string, string> = {}, prefix = 'specbook-'): Fixture {
	const root = mkdtempSync(join(tmpdir(), prefix));
	const fixture: Fixture = {
		root,
		path: (relative) => join(root, relative),
		write: (relative, text) => {
			const target = join(root, relative);
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, text);
		},
		cleanup: () => rmSync(root, { recursive: true, force: true }),
	};
	for (const [relative, text] of Object.entries(files)) fixture.write(relative, text);
	return fixture;
}
