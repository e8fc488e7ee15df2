/**
 * One file, start to finish: source → frontmatter + outline → candidate → the schema built for the
 * spec's status → located diagnostics, and the Spec record made of the schema's output.
 */
import { createDiagnostic, type DiagnosticCode } from './diagnostics.ts';
import { MarkdownSyntaxError, parseDocument, type LinkReference, type SpecDocument } from './document.ts';
import { parseFrontmatter, type Frontmatter } from './frontmatter.ts';
import type { Diagnostic, Phase, Position, Severity, Spec, Status } from './model.ts';
import type { GitHistory } from './git.ts';
import { findUnsafeCodeMeta } from './code-meta.ts';
import { findInvalidDirectives } from './directives.ts';
import { findExcessiveMarkdown, MAX_MDX_DEPTH, type ComplexityFinding } from './limits.ts';
import { headingSlugs, resolveLink } from './links.ts';
import { buildCandidate, type OutlineFinding, type OutlineResult } from './outline.ts';
import { pathInSpecsDir, specIdFromPath, unsafeNameIn } from './paths.ts';
import { runSchema, type SchemaIssue } from './run-schema.ts';
import { findUnsafeHtml } from './safety.ts';
import { specSchema, strictness, templateOutline, type OutlineSection, type SpecSchema, type TemplateValues } from './schema.ts';
import { splitSource } from './source.ts';
import { resolveTimelines } from './timeline.ts';
import { isPlaceholder, nearestMatches } from './text.ts';
import { STATUSES } from './statuses.ts';
import { parseStatus } from './values.ts';
import { specHistory } from './spec-history.ts';
import { latestAllowedDate } from './dates.ts';

export { specIdFromPath } from './paths.ts';

/** A spec file as read from disk. */
export interface SourceFile {
	/** Path relative to the working directory, `/`-separated. */
	path: string;
	/** The decoded text. */
	source: string;
	/** Set when the file could not be read as a spec at all (not a regular file, too large, binary, not UTF-8). */
	problem?: { code: 'file-too-large' | 'file-encoding' | 'file-unreadable' | 'file-not-regular'; position: Position; params: Record<string, unknown> };
}

export interface AnalyzeOptions {
	/** The specs folder the ids are relative to (relative to the folder spec paths are relative to). */
	specsDir: string;
	/** Today (ISO), from the resolved context (src/context.ts): the schedule checks compare with it, Last Updated with latestAllowedDate(today). */
	today: string;
	/** False to refuse `.mdx` specs (MDX is code: it needs code review). Default true. */
	mdx?: boolean;
	/** Whether a linked non-spec file exists (default: looks on disk, relative to the working directory). */
	fileExists?: (path: string) => boolean;
	/** Git history of the specs folder, for each spec's history fields and the staleness warning (neither when absent). */
	git?: GitHistory;
}

/** The outcome for one file. */
export interface FileAnalysis {
	/** The spec, or null when the file has errors. */
	spec: Spec | null;
	diagnostics: Diagnostic[];
	/** Where Overview › Feature and each `supersedes` entry were written, for cross-spec rules. */
	featurePosition: Position;
	supersedesPositions: Position[];
	/** Where Overview › Last Updated was written, for the git staleness warning. */
	lastUpdatedPosition: Position;
	/** Links in the body, for the cross-spec link checks. */
	links: LinkReference[];
	/** Ids of the page's headings, for anchor checks. */
	headingIds: Set<string>;
	/** The spec carries frontmatter `imported`: a link its source already had broken is a warning. */
	imported: boolean;
	/** Overview › Feature when its value is valid, whatever else the file gets wrong: the cross-spec rules hold every file. */
	feature: string | undefined;
	/** The frontmatter's `supersedes` ids, for the cross-spec rules, also in a file with errors. */
	supersedes: string[];
}

const OUTLINE = templateOutline();

// Building the zod schema costs more than validating one spec: keep one per status and `today`.
const schemas = new Map<string, SpecSchema>();
function schemaFor(status: Status | undefined, today: string, imported: boolean): SpecSchema {
	const key = `${status ?? ''}|${today}|${imported}`;
	let schema = schemas.get(key);
	if (!schema) schemas.set(key, (schema = specSchema({ status, today, imported })));
	return schema;
}

export function analyzeFile(file: SourceFile, options: AnalyzeOptions): FileAnalysis {
	const today = latestAllowedDate(options.today);
	const top = { line: 1, column: 1 };
	const empty: FileAnalysis = {
		spec: null,
		diagnostics: [],
		featurePosition: top,
		lastUpdatedPosition: top,
		supersedesPositions: [],
		links: [],
		headingIds: new Set(),
		imported: false,
		feature: undefined,
		supersedes: [],
	};
	// Astro's loader only sees lower-case .md/.mdx: an upper-case one would silently not be published.
	const extension = /\.mdx?$/iu.exec(file.path)?.[0];
	const misnamed: Diagnostic[] = extension && extension !== extension.toLowerCase() ? [createDiagnostic('file-extension', file.path, top, { extension })] : [];
	const unsafeName = unsafeNameIn(pathInSpecsDir(file.path, options.specsDir) ?? file.path);
	if (unsafeName) misnamed.push(createDiagnostic('file-name', file.path, top, unsafeName));
	if (file.problem) {
		return { ...empty, diagnostics: [...misnamed, createDiagnostic(file.problem.code, file.path, file.problem.position, file.problem.params as never)] };
	}
	if (!file.source.replace(/^\uFEFF/u, '').trim()) {
		return { ...empty, diagnostics: [...misnamed, createDiagnostic('file-empty', file.path, top)] };
	}

	const split = splitSource(file.source);
	const diagnostics: Diagnostic[] = [...misnamed];
	if (split.unclosed) diagnostics.push(createDiagnostic('frontmatter-unclosed', file.path, top));
	for (const { line, fence, kind } of split.dropped) diagnostics.push(createDiagnostic('frontmatter-dropped', file.path, { line, column: 1 }, { fence, kind }));
	const frontmatter = parseFrontmatter(split.frontmatter, file.path, split.frontmatterLine);
	diagnostics.push(...frontmatter.diagnostics);

	const isMdx = /\.mdx$/iu.test(file.path);
	// Checked before parsing: the parser would take minutes, or all memory, on such input. Each such
	// block is reported and left out, and the rest of the file is checked as usual.
	const parseable = withoutExcessiveBlocks(split.body, split.bodyLineOffset, isMdx);
	for (const { position, reason } of parseable.findings) diagnostics.push(createDiagnostic('markdown-too-complex', file.path, position, { reason }));
	let document: SpecDocument;
	try {
		document = parseDocument(parseable.body, split.bodyLineOffset, { mdx: isMdx });
	} catch (error) {
		const position = { line: split.bodyLineOffset + 1, column: 1 };
		if (error instanceof MarkdownSyntaxError) diagnostics.push(createDiagnostic('mdx-syntax', file.path, error.position, { reason: error.reason }));
		// Markdown itself always parses: anything else is the parser giving up.
		else diagnostics.push(createDiagnostic('markdown-too-complex', file.path, position, { reason: `the parser failed (${error instanceof Error ? error.message : String(error)})` }));
		return { ...empty, diagnostics };
	}
	if (isMdx && document.depth.levels > MAX_MDX_DEPTH) {
		const reason = `the MDX nests ${document.depth.levels} levels deep here (lists, quotes, components); the limit for .mdx is ${MAX_MDX_DEPTH}`;
		diagnostics.push(createDiagnostic('markdown-too-complex', file.path, document.depth.position, { reason }));
	}
	if (isMdx && options.mdx === false) diagnostics.push(createDiagnostic('mdx-disabled', file.path, top));
	// In .mdx, tags are components (code, reviewed as code); in .md they are raw HTML that reaches readers.
	// Reference definitions (`[x]: ../other.md`) are links as much as inline ones: checked alike.
	const links = [...document.links, ...document.definitions];
	for (const finding of findUnsafeHtml(isMdx ? [] : document.html, links)) {
		if (finding.kind === 'pagefind') diagnostics.push(createDiagnostic('html-pagefind-attribute', file.path, finding.position, { what: finding.what }));
		else diagnostics.push(createDiagnostic('html-unsafe', file.path, finding.position, { what: finding.what, reason: finding.reason }));
	}
	for (const { position, ...finding } of findUnsafeCodeMeta(document.codeBlocks)) {
		diagnostics.push(createDiagnostic('code-meta-unsafe', file.path, position, finding));
	}
	for (const finding of findInvalidDirectives(document.directives)) {
		diagnostics.push(createDiagnostic('directive-invalid', file.path, finding.position, finding));
	}
	const headingIds = headingSlugs(document.headings);
	for (const link of links) {
		const target = resolveLink(file.path, link.url);
		if (target.kind === 'anchor' && target.anchor && !headingIds.has(target.anchor)) {
			diagnostics.push(createDiagnostic('link-anchor', file.path, link.position, { url: link.url, anchor: target.anchor }));
		}
	}
	const outline = buildCandidate(document, OUTLINE, file.path);
	// The status decides how strictly the rest is held, so it is read before the schema is chosen. A
	// misspelled one (`Aproved`) is an error of its own; the rest is held as the status it misspells,
	// so its other problems show in this run, not after the spelling is fixed.
	const statusText = outline.fields.get('overview.status')?.text ?? '';
	const status = parseStatus(statusText) ?? nearestStatus(statusText);
	const imported = frontmatter.data.imported !== undefined;
	for (const finding of outline.findings) diagnostics.push(holdStructural(finding, status, imported));

	const { output, issues } = runSchema(schemaFor(status, today, imported), outline.candidate);
	for (const issue of issues) {
		// A near-miss label or heading is the one finding about what it misspells: no "missing" as well.
		if (outline.misspelled.has(issue.path.map(String).join('.'))) continue;
		diagnostics.push(issueToDiagnostic(issue, outline, output, file.path));
	}

	const featurePosition = outline.positions.get('overview.feature') ?? outline.positions.get('overview') ?? top;
	const lastUpdatedPosition = outline.positions.get('overview.lastUpdated') ?? featurePosition;
	// A Feature with a finding of its own (empty, a placeholder, too long) is no name to compare.
	const featureFlawed = issues.some((issue) => issue.path[0] === 'overview' && issue.path[1] === 'feature');
	const feature = !featureFlawed && typeof output.overview?.feature?.value === 'string' ? output.overview.feature.value : undefined;
	const result = { featurePosition, lastUpdatedPosition, supersedesPositions: frontmatter.supersedesPositions, links, headingIds, imported, feature, supersedes: frontmatter.data.supersedes };
	const spec = diagnostics.some((diagnostic) => diagnostic.severity === 'error')
		? null
		: toSpec(file, options, output, outline, frontmatter.data, document.sections.length ? outline.extraSections : []);
	return { ...result, spec, diagnostics };
}

/** The one status a misspelled status is one edit from (`Aproved` → Approved), if any: `Unapproved` is no Approved. */
function nearestStatus(text: string): Status | undefined {
	const near = nearestMatches(text, STATUSES, 1);
	return near.length === 1 ? (near[0] as Status) : undefined;
}

/**
 * The body with each block over the parser's limits blanked out (its lines kept, so positions stay
 * true), and what was over them.
 */
export function withoutExcessiveBlocks(body: string, lineOffset: number, mdx: boolean): { body: string; findings: ComplexityFinding[] } {
	const findings: ComplexityFinding[] = [];
	let lines: string[] | undefined;
	let current = body;
	for (let finding = findExcessiveMarkdown(current, lineOffset, { mdx }); finding; finding = findExcessiveMarkdown(current, lineOffset, { mdx })) {
		findings.push(finding);
		lines ??= body.split(/\r\n|\r|\n/u);
		const at = finding.position.line - lineOffset - 1;
		// The block: its lines up to the blank lines (or code fences) around it.
		const bound = (line: string | undefined) => line === undefined || !line.trim() || /^ {0,3}(?:`{3,}|~{3,})/u.test(line);
		let first = at;
		while (first > 0 && !bound(lines[first - 1])) first--;
		let last = at;
		while (!bound(lines[last + 1])) last++;
		lines.fill('', first, last + 1);
		current = lines.join('\n');
	}
	return { body: current, findings };
}

const NEAR_MISSES: ReadonlySet<DiagnosticCode> = new Set(['label-typo', 'section-typo', 'section-decorated']);

/**
 * A structural finding, held as strictly as the schema holds the section it was found in. A
 * near-miss label or heading is always an error: it hides a field from every other check.
 */
function holdStructural({ diagnostic, section }: OutlineFinding, status: Status | undefined, imported: boolean): Diagnostic {
	if (NEAR_MISSES.has(diagnostic.code) || diagnostic.severity === 'warning') return diagnostic;
	const severity = strictness(status, section === 'overview' ? 'overview' : 'body', imported).malformed;
	return severity === diagnostic.severity ? diagnostic : { ...diagnostic, severity };
}

function issueToDiagnostic(issue: SchemaIssue, outline: OutlineResult, output: TemplateValues, file: string): Diagnostic {
	const path = issue.path.map(String);
	const position = lookupPosition(outline, path);
	const { code, severity, ...params } = (issue.params ?? {}) as { code?: DiagnosticCode; severity?: Severity } & Record<string, unknown>;
	if (code === 'missing-field' || code === 'missing-section' || !code) {
		// What is missing is named from where it would be (zod reports an unexpected shape the same way).
		const { section, field } = describePath(path, output);
		if (field) return createDiagnostic('missing-field', file, position, { field, section }, severity);
		return createDiagnostic('missing-section', file, position, { section }, severity);
	}
	const fieldPosition = code === 'empty-field' ? outline.fields.get(path.join('.'))?.labelPosition : undefined;
	return createDiagnostic(code, file, fieldPosition ?? position, params as never, severity);
}

function lookupPosition(outline: OutlineResult, path: string[]): Position {
	for (let length = path.length; length > 0; length--) {
		const position = outline.positions.get(path.slice(0, length).join('.'));
		if (position) return position;
	}
	return { line: 1, column: 1 };
}

/** Human names for a candidate path: the section title (`Monitoring › Alerts`) and field label. */
function describePath(path: string[], output: TemplateValues): { section: string; field?: string } {
	const titles: string[] = [];
	let sections: OutlineSection[] = OUTLINE;
	let current: OutlineSection | undefined;
	for (let index = 0; index < path.length; index++) {
		const key = path[index]!;
		if (current?.phaseFields && key === 'phases') {
			const phase = Number(path[index + 1]);
			const number = output.implementation?.phases[phase]?.number ?? phase + 1;
			const field = current.phaseFields.find((candidate) => candidate.key === path[index + 2]);
			return field ? { section: `Phase ${number}`, field: field.label } : { section: `Phase ${number}` };
		}
		const next = sections.find((section) => section.key === key);
		if (next) {
			titles.push(next.title);
			current = next;
			sections = next.subsections;
			continue;
		}
		const field = current?.fields.find((candidate) => candidate.key === key);
		if (field) return { section: titles.join(' › '), field: field.label };
	}
	return { section: titles.join(' › ') };
}

/** The Spec record: the schema's output, with where each part was written and what the frontmatter adds. */
function toSpec(
	file: SourceFile,
	options: AnalyzeOptions,
	output: TemplateValues,
	outline: OutlineResult,
	frontmatter: Frontmatter,
	extraSections: string[]
): Spec | null {
	const { feature, authors, lastUpdated, status } = output.overview ?? {};
	// Without errors Overview is complete; this only tells the compiler so.
	if (!feature || !authors || !lastUpdated || !status?.value) return null;
	const phases = output.implementation?.phases ?? [];
	const resolved = resolveTimelines(phases.map(({ timeline }) => (timeline?.value.ok ? timeline.value.value : null)));
	// A Draft may still hold the template's own phases (`### Phase 1: [Phase Name]`): placeholders are
	// not content, so they stay out of the data the pages, the roadmap and the JSON API show.
	const written = (items: readonly string[] | undefined) => (items ?? []).filter((item) => !isPlaceholder(item));
	return {
		id: specIdFromPath(options.specsDir, file.path),
		path: file.path,
		feature: feature.value,
		authors: authors.value,
		lastUpdated: lastUpdated.value,
		status: status.value,
		tags: frontmatter.tags,
		supersedes: frontmatter.supersedes,
		phases: phases.flatMap((phase, index): Phase[] => {
			if (isPlaceholder(phase.name)) return [];
			const path = `implementation.phases.${index}`;
			const position = outline.positions.get(path) ?? { line: 1, column: 1 };
			return [
				{
					number: phase.number,
					name: phase.name,
					timeline: phase.timeline?.text ?? '',
					...resolved[index]!,
					tasks: written(phase.tasks?.items),
					dependencies: written(phase.dependencies?.items),
					dependencyLinks: outline.fields.get(`${path}.dependencies`)?.links ?? [],
					position,
					timelinePosition: outline.positions.get(`${path}.timeline`) ?? position,
				},
			];
		}),
		rolloutPlan: written(output.deployment?.rolloutPlan),
		extraSections,
		...(frontmatter.imported
			? { imported: frontmatter.imported, missingSections: OUTLINE.filter((section) => outline.candidate[section.key] === undefined).map((section) => section.title) }
			: {}),
		// Git history is the whole folder's, added when the analyses are combined (./index.ts).
		...specHistory(file.path, status.value, undefined),
	};
}
