/**
 * One file, start to finish: source → frontmatter + outline → candidate → zod → located
 * diagnostics (status-aware) → the Spec record.
 */
import type { z } from 'astro/zod';
import { createDiagnostic, type DiagnosticCode } from './diagnostics.ts';
import { MarkdownSyntaxError, parseDocument, type LinkReference, type SpecDocument } from './document.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { Diagnostic, Phase, Position, Spec } from './model.ts';
import type { GitHistory } from './git.ts';
import { findExcessiveMarkdown, MAX_MDX_DEPTH } from './limits.ts';
import { headingSlugs, resolveLink } from './links.ts';
import { buildCandidate, type OutlineResult } from './outline.ts';
import { findUnsafeHtml } from './safety.ts';
import { createSpecSchema, templateOutline, type OutlineSection } from './schema.ts';
import { splitSource } from './source.ts';
import { parseTimeline, resolveTimelines } from './timeline.ts';
import { isPlaceholder } from './text.ts';
import { parseAuthors, parseStatus } from './values.ts';

/** A spec file as read from disk. */
export interface SourceFile {
	/** Path relative to the working directory, `/`-separated. */
	path: string;
	/** The decoded text. */
	source: string;
	/** Set when the file could not be read as a spec at all (too large, binary, not UTF-8). */
	problem?: { code: 'file-too-large' | 'file-encoding' | 'file-unreadable'; position: Position; params: Record<string, unknown> };
}

export interface AnalyzeOptions {
	/** The specs folder the ids are relative to (relative to the working directory). */
	specsDir: string;
	/** The latest allowed Last Updated (ISO); defaults to today in the earliest time zone (UTC+14). */
	today?: string;
	/** False to refuse `.mdx` specs (MDX is code: it needs code review). Default true. */
	mdx?: boolean;
	/** Whether a linked non-spec file exists (default: looks on disk, relative to the working directory). */
	fileExists?: (path: string) => boolean;
	/** Today for the schedule checks (ISO; default: today in the local time zone). */
	scheduleToday?: string;
	/** Git history of the specs folder, for the staleness warning (no check when absent). */
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
}

/** Findings about what is absent: a Draft may leave these out of every section but Overview. */
const ABSENCE: ReadonlySet<string> = new Set([
	'missing-section',
	'missing-field',
	'empty-field',
	'placeholder',
	'phases-missing',
	'tasks-empty',
	'rollout-empty',
]);

const TYPOS: ReadonlySet<string> = new Set(['label-typo', 'section-typo']);

const OUTLINE = templateOutline();

// Building the zod schema costs more than validating one spec: keep one per `today`.
const schemas = new Map<string, ReturnType<typeof createSpecSchema>>();
function schemaFor(today: string) {
	let schema = schemas.get(today);
	if (!schema) schemas.set(today, (schema = createSpecSchema({ today })));
	return schema;
}

/** Today in the local time zone, as authors write dates. */
export const todayIso = (now = new Date()) =>
	`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The latest date anywhere on Earth (UTC+14): a Last Updated up to it is never "in the future" for its author. */
export const latestTodayIso = (now = new Date()) => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** `specs/Payments/Retry.md` → `payments/retry` (relative to the specs folder, lower-case). */
export function specIdFromPath(specsDir: string, path: string): string {
	const base = specsDir.replace(/\\/gu, '/').replace(/^\.\/+/u, '').replace(/\/+$/u, '');
	const normalized = path.replace(/\\/gu, '/').replace(/^\.\/+/u, '');
	const relative = base && base !== '.' && normalized.startsWith(`${base}/`) ? normalized.slice(base.length + 1) : normalized;
	return relative.replace(/\.mdx?$/iu, '').toLowerCase();
}

export function analyzeFile(file: SourceFile, options: AnalyzeOptions): FileAnalysis {
	const today = options.today ?? latestTodayIso();
	const top = { line: 1, column: 1 };
	const empty: FileAnalysis = {
		spec: null,
		diagnostics: [],
		featurePosition: top,
		lastUpdatedPosition: top,
		supersedesPositions: [],
		links: [],
		headingIds: new Set(),
	};
	// Astro's loader only sees lower-case .md/.mdx: an upper-case one would silently not be published.
	const extension = /\.mdx?$/iu.exec(file.path)?.[0];
	const misnamed = extension && extension !== extension.toLowerCase() ? [createDiagnostic('file-extension', file.path, top, { extension })] : [];
	if (file.problem) {
		return { ...empty, diagnostics: [...misnamed, createDiagnostic(file.problem.code, file.path, file.problem.position, file.problem.params as never)] };
	}
	if (!file.source.replace(/^\uFEFF/u, '').trim()) {
		return { ...empty, diagnostics: [...misnamed, createDiagnostic('file-empty', file.path, top)] };
	}

	const split = splitSource(file.source);
	const diagnostics: Diagnostic[] = [...misnamed];
	if (split.unclosed) diagnostics.push(createDiagnostic('frontmatter-unclosed', file.path, top));
	const frontmatter = parseFrontmatter(split.frontmatter, file.path, split.frontmatterLine);
	diagnostics.push(...frontmatter.diagnostics);

	const isMdx = /\.mdx$/iu.test(file.path);
	// Checked before parsing: the parser would take minutes, or all memory, on such input.
	const excessive = findExcessiveMarkdown(split.body, split.bodyLineOffset, { mdx: isMdx });
	if (excessive) {
		diagnostics.push(createDiagnostic('markdown-too-complex', file.path, excessive.position, { reason: excessive.reason }));
		return { ...empty, diagnostics };
	}
	let document: SpecDocument;
	try {
		document = parseDocument(split.body, split.bodyLineOffset, { mdx: isMdx });
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
		return { ...empty, diagnostics };
	}
	if (isMdx && options.mdx === false) diagnostics.push(createDiagnostic('mdx-disabled', file.path, top));
	// In .mdx, tags are components (code, reviewed as code); in .md they are raw HTML that reaches readers.
	for (const finding of findUnsafeHtml(isMdx ? [] : document.html, [...document.links, ...document.definitions])) {
		if (finding.kind === 'pagefind') diagnostics.push(createDiagnostic('html-pagefind-attribute', file.path, finding.position, { what: finding.what }));
		else diagnostics.push(createDiagnostic('html-unsafe', file.path, finding.position, { what: finding.what, reason: finding.reason }));
	}
	const headingIds = headingSlugs(document.headings);
	for (const link of document.links) {
		const target = resolveLink(file.path, link.url);
		if (target.kind === 'anchor' && target.anchor && !headingIds.has(target.anchor)) {
			diagnostics.push(createDiagnostic('link-anchor', file.path, link.position, { url: link.url, anchor: target.anchor }));
		}
	}
	const outline = buildCandidate(document, OUTLINE, file.path);
	const status = parseStatus(String((outline.candidate['overview'] as Record<string, unknown> | undefined)?.['status'] ?? ''));
	// Drafts (and specs whose status cannot be read) only need a complete Overview.
	const lenient = status === undefined || status === 'Draft';

	const relax = (diagnostic: Diagnostic, path: string): Diagnostic | undefined => {
		if (!lenient || path.startsWith('overview')) return diagnostic;
		if (ABSENCE.has(diagnostic.code)) return undefined;
		return { ...diagnostic, severity: 'warning' };
	};
	for (const diagnostic of outline.diagnostics) {
		// A near-miss label or heading is always an error: it hides a field from every other check.
		const path = TYPOS.has(diagnostic.code) ? 'overview' : (pathAt(outline, diagnostic) ?? '');
		const relaxed = relax(diagnostic, path);
		if (relaxed) diagnostics.push(relaxed);
	}

	const parsed = schemaFor(today).safeParse(outline.candidate);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path.map(String).join('.');
			if (outline.misspelled.has(path)) continue;
			// An empty `- **Tasks**:` is already reported as empty-field: one finding, not two.
			if (issue.code === 'custom' && issue.params?.['code'] === 'tasks-empty' && outline.positions.has(`${path}#empty`)) continue;
			const diagnostic = issueToDiagnostic(issue, outline, file.path);
			const relaxed = relax(diagnostic, path);
			if (relaxed) diagnostics.push(relaxed);
		}
	}

	const featurePosition = outline.positions.get('overview.feature') ?? outline.positions.get('overview') ?? top;
	const lastUpdatedPosition = outline.positions.get('overview.lastUpdated') ?? featurePosition;
	const result = { featurePosition, lastUpdatedPosition, supersedesPositions: frontmatter.supersedesPositions, links: document.links, headingIds };
	if (diagnostics.some((diagnostic) => diagnostic.severity === 'error') || !status) {
		return { ...result, spec: null, diagnostics };
	}
	return { ...result, diagnostics, spec: toSpec(file, options, outline, status, frontmatter.data, document.sections.length ? outline.extraSections : []) };
}

/** Finds the candidate path a structural diagnostic belongs to (by position), for Draft relaxing. */
function pathAt(outline: OutlineResult, diagnostic: Diagnostic): string | undefined {
	let best: string | undefined;
	let bestLine = 0;
	for (const [path, position] of outline.positions) {
		if (position.line <= diagnostic.line && position.line > bestLine && !path.includes('.')) {
			best = path;
			bestLine = position.line;
		}
	}
	return best;
}

function issueToDiagnostic(issue: z.core.$ZodIssue, outline: OutlineResult, file: string): Diagnostic {
	const path = issue.path.map(String);
	const position = lookupPosition(outline, path);
	if (issue.code === 'custom' && issue.params?.['code']) {
		const { code, ...params } = issue.params as { code: DiagnosticCode } & Record<string, unknown>;
		if (code === 'tasks-empty') params['phase'] = phaseNumber(outline, path);
		if (code === 'empty-field' || code === 'placeholder') {
			const fieldPosition = outline.fields.get(path.join('.'))?.labelPosition;
			return createDiagnostic(code, file, (code === 'empty-field' && fieldPosition) || position, params as never);
		}
		return createDiagnostic(code, file, position, params as never);
	}
	// Anything else the schema rejects is something absent (zod's invalid_type on undefined).
	const { section, field } = describePath(path, outline);
	if (field) return createDiagnostic('missing-field', file, position, { field, section });
	return createDiagnostic('missing-section', file, position, { section });
}

function lookupPosition(outline: OutlineResult, path: string[]): Position {
	for (let length = path.length; length > 0; length--) {
		const position = outline.positions.get(path.slice(0, length).join('.'));
		if (position) return position;
	}
	return { line: 1, column: 1 };
}

function phaseNumber(outline: OutlineResult, path: string[]): number {
	const phases = (outline.candidate['implementation'] as { phases?: { number: number }[] } | undefined)?.phases;
	return phases?.[Number(path[2])]?.number ?? Number(path[2]) + 1;
}

/** Human names for a candidate path: the section title (`Monitoring › Alerts`) and field label. */
function describePath(path: string[], outline: OutlineResult): { section: string; field?: string } {
	const titles: string[] = [];
	let sections: OutlineSection[] = OUTLINE;
	let current: OutlineSection | undefined;
	for (let index = 0; index < path.length; index++) {
		const key = path[index]!;
		if (current?.phaseFields && key === 'phases') {
			const number = phaseNumber(outline, path);
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

function toSpec(
	file: SourceFile,
	options: AnalyzeOptions,
	outline: OutlineResult,
	status: NonNullable<ReturnType<typeof parseStatus>>,
	frontmatter: { tags: string[]; supersedes: string[] },
	extraSections: string[]
): Spec {
	const overview = outline.candidate['overview'] as Record<string, string>;
	const implementation = outline.candidate['implementation'] as { phases?: Record<string, unknown>[] } | undefined;
	const rawPhases = implementation?.phases ?? [];
	const values = rawPhases.map((phase) => {
		const parsed = parseTimeline(String(phase['timeline'] ?? ''));
		return parsed.ok ? parsed.value : null;
	});
	const resolved = resolveTimelines(values);
	// A Draft may still hold the template's own phases (`### Phase 1: [Phase Name]`): placeholders are
	// not content, so they stay out of the data the pages, the roadmap and the JSON API show.
	const written = (items: unknown) => ((items as string[] | undefined) ?? []).filter((item) => !isPlaceholder(item));
	const phases: Phase[] = rawPhases.flatMap((phase, index) => {
		if (isPlaceholder(String(phase['name']))) return [];
		const path = `implementation.phases.${index}`;
		const position = outline.positions.get(path)!;
		return [
			{
				number: phase['number'] as number,
				name: phase['name'] as string,
				timeline: String(phase['timeline'] ?? ''),
				...resolved[index]!,
				tasks: written(phase['tasks']),
				dependencies: written(phase['dependencies']),
				dependencyLinks: outline.fields.get(`${path}.dependencies`)?.links ?? [],
				position,
				timelinePosition: outline.positions.get(`${path}.timeline`) ?? position,
			},
		];
	});
	const deployment = outline.candidate['deployment'] as { rolloutPlan?: string[] } | undefined;
	return {
		id: specIdFromPath(options.specsDir, file.path),
		path: file.path,
		feature: overview['feature']!.trim(),
		authors: parseAuthors(outline.fields.get('overview.authors')?.markdown ?? overview['authors'] ?? ''),
		lastUpdated: overview['lastUpdated']!.trim(),
		status,
		tags: frontmatter.tags,
		supersedes: frontmatter.supersedes,
		phases,
		rolloutPlan: written(deployment?.rolloutPlan),
		extraSections,
	};
}
