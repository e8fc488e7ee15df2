/**
 * The one table of diagnostic kinds. Every finding Specbook reports is made here, from a code in
 * this table, so the CLI, the build and the guide's diagnostics reference can never disagree.
 */
import { FEATURE_MAX_LENGTH, MAX_AUTHORS, MAX_TAGS } from './limits.ts';
import type { Diagnostic, Position, Severity } from './model.ts';

/** One kind of finding. */
export interface DiagnosticKind<Params> {
	/** Severity when the rule applies in full (Draft specs may downgrade body findings to warnings). */
	severity: Severity;
	/** One-line summary for the reference page. */
	title: string;
	/** The message for one occurrence: one fact, naming the field or value concerned. */
	message: (params: Params) => string;
	/** How to fix it. */
	hint: string;
	/** Findings that pages and filters treat together: `schedule` ones compare a spec's dates with others' and with today. */
	group?: 'schedule';
}

const kind = <Params = Record<string, never>>(definition: DiagnosticKind<Params>) => definition;

export const DIAGNOSTICS = {
	'file-empty': kind({
		severity: 'error',
		title: 'The file is empty',
		message: () => 'The file is empty: a spec needs at least its Overview section.',
		hint: 'Start from the template with `npm run new -- "Feature name"`, or delete the file.',
	}),
	'file-too-large': kind<{ size: number; limit: number }>({
		severity: 'error',
		title: 'The file is larger than the size limit',
		message: ({ size, limit }) => `The file is ${size} bytes, over the limit of ${limit} bytes.`,
		hint: 'Split the spec, or move large data (logs, dumps) out of the repository and link to it.',
	}),
	'file-encoding': kind<{ reason: string }>({
		severity: 'error',
		title: 'The file is not UTF-8 text',
		message: ({ reason }) => `The file is not readable as UTF-8 text: ${reason}.`,
		hint: 'Save the file as UTF-8 text; binary files do not belong in the specs folder.',
	}),
	'file-unreadable': kind<{ reason: string }>({
		severity: 'error',
		title: 'The file cannot be read',
		message: ({ reason }) => `The file cannot be read: ${reason}.`,
		hint: 'Fix or remove the file (a symbolic link must point to an existing file).',
	}),
	'file-not-regular': kind<{ what: string }>({
		severity: 'error',
		title: 'The spec is not a regular file',
		message: ({ what }) => `This file is ${what}: Specbook reads only regular files in the specs folder and never follows links.`,
		hint: 'Put the spec itself here (e.g. `git mv` the file the link points to), or move the link out of the specs folder or give it a name starting with _.',
	}),
	'file-name': kind<{ name: string; character: string }>({
		severity: 'error',
		title: 'A file or folder name cannot be part of a page address',
		message: ({ name, character }) => `The name "${name}" contains ${character}, which cannot be part of the spec's page address.`,
		hint: 'Rename the file or folder with letters, digits, dashes and dots only, e.g. `git mv "specs/retry #2.md" specs/retry-2.md`.',
	}),
	'file-extension': kind<{ extension: string }>({
		severity: 'error',
		title: 'The extension is not lower-case',
		message: ({ extension }) => `The extension "${extension}" is not lower-case: the site publishes only files ending in .md or .mdx.`,
		hint: 'Rename the file with a lower-case extension, e.g. `git mv Retry.MD Retry.md`.',
	}),
	'id-duplicate': kind<{ id: string; other: string }>({
		severity: 'error',
		title: 'Two files give the same spec id',
		message: ({ id, other }) => `This file has the same spec id "${id}" as ${other}.`,
		hint: 'Spec ids ignore letter case and the .md/.mdx extension: rename one of the files.',
	}),
	'frontmatter-unclosed': kind({
		severity: 'error',
		title: 'Frontmatter is not closed',
		message: () => 'The frontmatter opened with `---` is never closed.',
		hint: 'End the frontmatter with a line holding only `---`.',
	}),
	'frontmatter-dropped': kind<{ fence: string; kind: 'toml' | 'mixed' | 'second' | 'hidden' }>({
		severity: 'error',
		title: 'A block the page would drop as frontmatter',
		message: ({ fence, kind }) =>
			({
				toml: 'This `+++` block would be read as TOML frontmatter and dropped from the page unchecked.',
				mixed: `This block opens with \`${fence}\` and closes with the other fence: Astro would read it as frontmatter but leave it on the page.`,
				second: `This \`${fence}\` block right after the frontmatter would be read as a second frontmatter and dropped from the page.`,
				hidden: `This \`${fence}\` block would be read as frontmatter and dropped from the page unchecked: white space before its fence hides it from the check, not from the page.`,
			})[kind],
		hint: 'Frontmatter is one YAML block between `---` lines at the top of the file. Merge the keys into it, or start the text with something other than a fence (a thematic break needs text before it).',
	}),
	'frontmatter-syntax': kind<{ reason: string }>({
		severity: 'error',
		title: 'Frontmatter is not valid YAML',
		message: ({ reason }) => `The frontmatter is not valid YAML: ${reason}`,
		hint: 'Frontmatter is YAML, e.g. `tags: [payments, reliability]`.',
	}),
	'frontmatter-not-mapping': kind({
		severity: 'error',
		title: 'Frontmatter is not a mapping',
		message: () => 'The frontmatter must be a YAML mapping of keys to values.',
		hint: 'Write `key: value` lines, e.g. `tags: [payments]`.',
	}),
	'frontmatter-unknown-key': kind<{ key: string; suggestion?: string | undefined }>({
		severity: 'error',
		title: 'Unknown frontmatter key',
		message: ({ key, suggestion }) =>
			`Unknown frontmatter key "${key}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
		hint: 'Frontmatter holds only `tags` and `supersedes` (and `imported`, written by `npm run import`); everything else belongs in the template sections.',
	}),
	'frontmatter-type': kind<{ key: string; expected: string }>({
		severity: 'error',
		title: 'Frontmatter value of the wrong type',
		message: ({ key, expected }) => `Frontmatter \`${key}\` must be ${expected}.`,
		hint: 'Write a YAML list, e.g. `tags: [payments, reliability]` or `supersedes: [payments/retry-v1]`.',
	}),
	'tags-too-many': kind<{ count: number }>({
		severity: 'error',
		title: 'Too many tags',
		message: ({ count }) => `The frontmatter lists ${count} tags; the limit is ${MAX_TAGS}.`,
		hint: 'Keep the few tags readers filter by; put longer lists of keywords in the body.',
	}),
	'supersedes-unknown': kind<{ id: string }>({
		severity: 'error',
		title: 'Superseded spec does not exist',
		message: ({ id }) => `\`supersedes\` names "${id}", which is not a spec id.`,
		hint: 'Use the id of an existing spec: its path under specs/ without extension, e.g. `payments/retry-policy`.',
	}),
	'supersedes-cycle': kind<{ cycle: string }>({
		severity: 'error',
		title: 'Specs supersede each other in a circle',
		message: ({ cycle }) => `\`supersedes\` goes round in a circle: ${cycle}.`,
		hint: 'A spec supersedes older specs only: remove the entry from the spec that is not the newer one.',
	}),
	'missing-section': kind<{ section: string }>({
		severity: 'error',
		title: 'A template section is missing',
		message: ({ section }) => `Missing section "${section}".`,
		hint: 'Add the section with its heading as in the template; only Draft specs may leave sections out.',
	}),
	'missing-field': kind<{ field: string; section: string }>({
		severity: 'error',
		title: 'A template field is missing',
		message: ({ field, section }) => `${section} is missing the field "${field}".`,
		hint: 'Add it under the section heading as `- **Label**: value`. Overview fields are required in every status; elsewhere only a Draft may leave fields out.',
	}),
	'empty-field': kind<{ field: string }>({
		severity: 'error',
		title: 'A field has no value',
		message: ({ field }) => `"${field}" has no value.`,
		hint: 'Write the value after the label, on the same line or in the list item below it.',
	}),
	placeholder: kind<{ field: string; value: string }>({
		severity: 'error',
		title: 'A field still holds the template placeholder',
		message: ({ field, value }) => `"${field}" still holds the template placeholder ${value}.`,
		hint: 'Replace the bracketed placeholder with real content; only Draft specs may keep placeholders outside Overview.',
	}),
	'duplicate-section': kind<{ section: string; line: number }>({
		severity: 'error',
		title: 'A section appears twice',
		message: ({ section, line }) => `Section "${section}" appears again (first at line ${line}).`,
		hint: 'Merge the two sections into one.',
	}),
	'duplicate-field': kind<{ field: string; line: number }>({
		severity: 'error',
		title: 'A field appears twice',
		message: ({ field, line }) => `Field "${field}" appears again in this section (first at line ${line}).`,
		hint: 'Keep one of the two values.',
	}),
	'section-typo': kind<{ heading: string; suggestion: string }>({
		severity: 'error',
		title: 'A heading is a near miss of a template section',
		message: ({ heading, suggestion }) => `Unknown section "${heading}": did you mean "${suggestion}"?`,
		hint: 'Spell template headings as in the template (letter case does not matter).',
	}),
	'section-decorated': kind<{ heading: string; section: string }>({
		severity: 'error',
		title: 'A template heading carries a number or an emoji',
		message: ({ heading, section }) => `Heading "${heading}" stands for the template section "${section}", which is written without a number or emoji.`,
		hint: 'Write template headings as the template does, e.g. `## Overview` rather than `## 1. Overview` or `## 🎯 Overview`; `npm run check -- --fix` does it for you.',
	}),
	'label-typo': kind<{ label: string; suggestion: string }>({
		severity: 'error',
		title: 'A label is a near miss of a template label',
		message: ({ label, suggestion }) => `Unknown label "${label}": did you mean "${suggestion}"?`,
		hint: 'Spell field labels as in the template (letter case does not matter).',
	}),
	'label-not-bold': kind<{ label: string; written: string }>({
		severity: 'warning',
		title: 'A label is not bold: no space after its closing **',
		message: ({ label, written }) => `"${written}" is not bold in Markdown, so the page shows its ${written.startsWith('_') ? 'underscores' : 'asterisks'} around "${label}": a closing ${written.slice(0, 2)} after a colon needs a space after it.`,
		hint: 'Write "- **Label:** value" or "- **Label**: value". The field is read either way.',
	}),
	'text-forbidden-character': kind<{ field: string; codePoint: string }>({
		severity: 'error',
		title: 'A value holds a control character',
		message: ({ field, codePoint }) => `"${field}" holds the control character ${codePoint}, which a terminal would run and the feed cannot carry.`,
		hint: 'Delete the character: it is invisible in most editors (it often comes from pasting terminal output). Tabs and line ends are fine.',
	}),
	'feature-too-long': kind<{ length: number }>({
		severity: 'error',
		title: 'Feature name is too long',
		message: ({ length }) => `Feature is ${length} characters long; the limit is ${FEATURE_MAX_LENGTH}.`,
		hint: 'Keep the feature name short; put the detail in Background.',
	}),
	'feature-duplicate': kind<{ feature: string; other: string }>({
		severity: 'error',
		title: 'Feature name used by another spec',
		message: ({ feature, other }) => `Feature "${feature}" is already the feature of ${other}.`,
		hint: 'Feature names are unique across specs: make this one more specific.',
	}),
	'authors-invalid': kind({
		severity: 'error',
		title: 'No author names',
		message: () => 'Author(s) names no one.',
		hint: 'List names separated by commas or "and", e.g. `Ana Lima <ana@example.com>, Bo Chen @bchen`.',
	}),
	'authors-too-many': kind<{ count: number }>({
		severity: 'error',
		title: 'Too many authors',
		message: ({ count }) => `Author(s) names ${count} people; the limit is ${MAX_AUTHORS}.`,
		hint: 'Name the people who wrote the spec; list reviewers or a wider team in the body.',
	}),
	'date-invalid': kind<{ value: string }>({
		severity: 'error',
		title: 'Last Updated is not a real YYYY-MM-DD date',
		message: ({ value }) => `Last Updated "${value}" is not a real date in the form YYYY-MM-DD.`,
		hint: 'Write the date as YYYY-MM-DD, e.g. 2026-11-20.',
	}),
	'date-future': kind<{ value: string; today: string }>({
		severity: 'error',
		title: 'Last Updated is in the future',
		message: ({ value, today }) => `Last Updated ${value} is in the future (the latest allowed date is ${today}).`,
		hint: 'Use the date of the last real change, today at the latest.',
	}),
	'status-invalid': kind<{ value: string; suggestion?: string | undefined }>({
		severity: 'error',
		title: 'Unknown status',
		message: ({ value, suggestion }) => `Status "${value}" is not one of Draft, In Review, Approved${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
		hint: 'Write exactly one of Draft, In Review or Approved (letter case does not matter).',
	}),
	'phases-missing': kind({
		severity: 'error',
		title: 'Implementation has no phases',
		message: () => 'Implementation has no phase: add at least one `### Phase 1: Name`.',
		hint: 'Each phase is an H3 `### Phase N: Name` with Tasks, Dependencies and Timeline.',
	}),
	'phase-heading': kind<{ heading: string }>({
		severity: 'error',
		title: 'Phase heading is malformed',
		message: ({ heading }) => `"${heading}" is not a phase heading of the form "Phase N: Name".`,
		hint: 'Write phase headings as `### Phase 1: Foundations`, numbered from 1.',
	}),
	'phase-numbering': kind<{ found: number; expected: number }>({
		severity: 'error',
		title: 'Phases are not numbered 1, 2, 3…',
		message: ({ found, expected }) => `Phase ${found} should be Phase ${expected}: phases are numbered from 1 without gaps.`,
		hint: 'Renumber the phases in order: Phase 1, Phase 2, …',
	}),
	'tasks-empty': kind<{ phase: number }>({
		severity: 'error',
		title: 'A phase has no tasks',
		message: ({ phase }) => `Phase ${phase} has no tasks.`,
		hint: 'List the tasks as a nested list under `- **Tasks**:`.',
	}),
	'timeline-invalid': kind<{ value: string; reason: string }>({
		severity: 'error',
		title: 'Timeline is not in a known form',
		message: ({ value, reason }) => `Timeline "${value}": ${reason}.`,
		hint: 'Timelines are written as a date range, quarters, months, a duration or TBD: the guide\'s timeline table has an example of each.',
	}),
	'timeline-tbd': kind<{ phase: number; approved?: boolean }>({
		severity: 'error',
		title: 'Approved spec with a TBD timeline',
		// An imported spec is told in every status (a warning): its source may never have estimated it.
		message: ({ phase, approved = true }) => (approved ? `Phase ${phase} of an Approved spec has Timeline TBD.` : `Phase ${phase} of an imported spec has Timeline TBD.`),
		hint: 'Approved specs need a real estimate for every phase; estimate it, or move the spec back to In Review.',
	}),
	'rollout-empty': kind({
		severity: 'error',
		title: 'Rollout Plan has no steps',
		message: () => 'Rollout Plan has no steps.',
		hint: 'Write the rollout as an ordered list under `### Rollout Plan`: `1. Enable for 1% of traffic`.',
	}),
	'html-unsafe': kind<{ what: string; reason?: string | undefined }>({
		severity: 'error',
		title: 'HTML that can run script',
		message: ({ what, reason }) => `Unsafe HTML: ${what} ${reason ?? "can run script in a reader's browser"}.`,
		hint: 'Remove it. Harmless HTML such as <details>, <summary>, <kbd>, <sup>, <sub> and <br> is allowed; links must use http(s), mailto or relative URLs.',
	}),
	'html-pagefind-attribute': kind<{ what: string }>({
		severity: 'error',
		title: 'HTML that rewrites the search index',
		message: ({ what }) => `The attribute ${what} would override what search shows for this spec (its status, authors or title).`,
		hint: 'Remove it: Specbook writes the search metadata itself, from the Overview fields.',
	}),
	'mdx-syntax': kind<{ reason: string }>({
		severity: 'error',
		title: 'The MDX does not parse',
		message: ({ reason }) => `MDX syntax error: ${reason}.`,
		hint: 'In .mdx files `<` and `{` start components and expressions: close every tag, or escape them as `\\<` and `\\{`.',
	}),
	'markdown-too-complex': kind<{ reason: string }>({
		severity: 'error',
		title: 'The Markdown is too complex to parse',
		message: ({ reason }) => `The Markdown is too complex to parse: ${reason}.`,
		hint: 'Nest lists and quotes less deeply and split very long paragraphs; put generated text in a code block or a linked file.',
	}),
	'code-meta-unsafe': kind<{ mark: string; reason: string }>({
		severity: 'error',
		title: 'A code block mark could hang the build',
		message: ({ mark, reason }) => `The code block's mark \`${mark}\` is refused: ${reason}.`,
		hint: 'Mark text with a quoted string after the language (`js "retry("`), and lines with ranges inside the block (`js {2-4}`).',
	}),
	'directive-invalid': kind<{ directive: string; attribute: string; value: string }>({
		severity: 'error',
		title: 'An aside has an attribute Starlight refuses',
		message: ({ directive, attribute, value }) => `\`:::${directive}\` has ${attribute}="${value}", which is not one of Starlight's icons.`,
		hint: 'Use the name of a Starlight icon (https://starlight.astro.build/reference/icons/#all-icons), e.g. `:::tip{icon="rocket"}`, or leave the attribute out.',
	}),
	'mdx-disabled': kind({
		severity: 'error',
		title: 'MDX specs are turned off',
		message: () => 'This site does not publish .mdx specs (the `mdx` option is off).',
		hint: 'Rename the file to .md and remove its imports and components, or turn MDX specs on (they are code, so they need code review).',
	}),
	'link-broken': kind<{ url: string; reason: string }>({
		severity: 'error',
		title: 'A link points to a file that does not exist',
		message: ({ url, reason }) => `Link "${url}" ${reason}.`,
		hint: 'Link to another spec by its file, relative to this one, e.g. `[Ledger](../ledger/idempotency.md)`.',
	}),
	'link-anchor': kind<{ url: string; anchor: string }>({
		severity: 'warning',
		title: 'A link points to a heading that does not exist',
		message: ({ url, anchor }) => `Link "${url}" points to a heading "#${anchor}" that does not exist.`,
		hint: 'Anchors are heading texts in lower case with spaces as dashes, e.g. `#rollout-plan`.',
	}),
	'git-stale': kind<{ lastUpdated: string; changed: string; commit: string }>({
		severity: 'warning',
		title: 'Changed in git after its Last Updated date',
		message: ({ lastUpdated, changed, commit }) => `Last Updated says ${lastUpdated}, but git shows a change on ${changed} (commit ${commit}).`,
		hint: 'Set Last Updated to the date of your change.',
	}),
	'schedule-phase-order': kind<{ phase: number; start: string; dependency: number; end: string }>({
		severity: 'warning',
		group: 'schedule',
		title: 'A phase starts before a phase it depends on ends',
		message: ({ phase, start, dependency, end }) =>
			`Phase ${phase} starts on ${start}, but Phase ${dependency}, which it depends on, ends on ${end}.`,
		hint: 'Start the phase after the day the earlier phase ends, or reword the dependency if the phases may overlap.',
	}),
	'schedule-cross-spec': kind<{ phase: number; start: string; feature: string; id: string; end: string }>({
		severity: 'warning',
		group: 'schedule',
		title: 'A phase starts before a spec it depends on is finished',
		message: ({ phase, start, feature, id, end }) =>
			`Phase ${phase} starts on ${start}, but it depends on "${feature}" (${id}), whose last phase ends on ${end}.`,
		hint: "Plan the phase to start after the spec it depends on ends, or agree an earlier date with that spec's authors.",
	}),
	'schedule-started': kind<{ status: string; phase: number; start: string; today: string }>({
		severity: 'warning',
		group: 'schedule',
		title: 'Work has started on a spec that is not approved',
		message: ({ status, phase, start, today }) =>
			`The spec is still ${status}, but Phase ${phase} started on ${start} (today is ${today}).`,
		hint: 'Get the spec approved, or move the Timeline if the phase has not really started.',
	}),
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
/** Every code, in table order: the values `Diagnostic.code` may take. */
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTICS) as [DiagnosticCode, ...DiagnosticCode[]];

/** Whether a finding belongs to a group of the table (e.g. the schedule warnings a timeline shows). */
export const inGroup = (code: DiagnosticCode, group: NonNullable<DiagnosticKind<never>['group']>) =>
	(DIAGNOSTICS[code] as DiagnosticKind<never>).group === group;
type ParamsOf<C extends DiagnosticCode> = Parameters<(typeof DIAGNOSTICS)[C]['message']>[0];

/** Where the guide documents a code (anchor = the code itself). */
export const diagnosticDocsPath = (code: DiagnosticCode) => `/guide/diagnostics/#${code}`;

/** Builds a located diagnostic from the table. */
export function createDiagnostic<C extends DiagnosticCode>(
	code: C,
	file: string,
	position: Position,
	...[params, severity]: ParamsOf<C> extends Record<string, never>
		? [params?: ParamsOf<C>, severity?: Severity]
		: [params: ParamsOf<C>, severity?: Severity]
): Diagnostic & { code: C } {
	const definition = DIAGNOSTICS[code] as DiagnosticKind<ParamsOf<C>>;
	return {
		file,
		line: position.line,
		column: position.column,
		severity: severity ?? definition.severity,
		code,
		message: definition.message((params ?? {}) as ParamsOf<C>),
		hint: `${definition.hint} See ${diagnosticDocsPath(code)}`,
	};
}

/** `path:line:col: severity CODE message`, the line format of `npm run check` and the build. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
	const { file, line, column, severity, code, message } = diagnostic;
	return `${file}:${line}:${column}: ${severity} ${code} ${message}`;
}

/** Sorts by file, then position, so every reporter prints in reading order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
	return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
