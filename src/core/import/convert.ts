/**
 * One design doc → one Specbook spec, as `npm run import` writes it (pure: no file system, no
 * clock; the CLI hands in the fallbacks). The source is edited, never rebuilt: what no rule touches
 * comes out as written. Metadata goes into the Overview fields and frontmatter `imported`; sections
 * are mapped to the template by name, synonym and numbering, every other one kept in its order;
 * phases are rewritten to the template's form; tables of contents are dropped. Nothing is invented:
 * what the source lacks is left out, and `check` lists it as warnings for the author.
 */
import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { analyzeFile } from '../analyze.ts';
import { isIsoDate, latestAllowedDate } from '../dates.ts';
import type { Diagnostic, Status } from '../model.ts';
import { normalizeRelative } from '../paths.ts';
import { templateOutline } from '../schema.ts';
import { splitSource } from '../source.ts';
import { escapeMarkdown, isPlaceholder, normalizeLabel, slugify } from '../text.ts';
import { parseAuthors, parseStatus } from '../values.ts';
import { parseLooseDate } from './dates.ts';
import { headingSource, nodesIn, parseSourceDoc, plainText, span, type SourceDoc } from './doc.ts';
import { lineAt } from './edits.ts';
import { findMetadata, type Found } from './extract.ts';
import { readFrontmatter, writeFrontmatter } from './frontmatter.ts';
import { isTocHeading, templateSectionFor, withoutIdPrefix } from './headings.ts';
import { rebaseLinks } from './links.ts';
import { normalizeMetadataLabel } from './metadata.ts';
import { respellNearMisses } from './near-misses.ts';
import { convertPhaseHeadings, listedPhases, writeListedPhases } from './phases.ts';
import { mapSections, sliceSections, statusFromSection, type SectionSlice } from './sections.ts';
import { mapStatus, plainStatus } from './status.ts';
import { dropTablesOfContents } from './toc.ts';

export interface ImportOptions {
	/** The source file, relative to the working directory (written into `imported.from`). */
	sourcePath: string;
	/** The specs folder the spec goes to, relative to the working directory. */
	specsDir: string;
	/** Today (ISO), from the resolved context: dates after it are not a Last Updated. */
	today: string;
	/** Who wrote it when the source names nobody (`--author`, else the git author of the file's first commit). */
	fallbackAuthor?: string | undefined;
	/** Last Updated when the source has no date (the file's last commit date, else today). */
	fallbackDate: string;
	/** Other sources imported alongside → their targets, so links between them follow. */
	targets?: ReadonlyMap<string, string>;
	/** Whether a file exists (relative to the working directory), for the check of the result. */
	fileExists?: (path: string) => boolean;
}

export interface ImportResult {
	/** The spec's path: `<specsDir>/<slug of the feature>.md`. */
	target: string;
	markdown: string;
	feature: string;
	authors: string[];
	lastUpdated: string;
	status: Status;
	/** The status text as the source wrote it ('' when it had none). */
	originalStatus: string;
	/** Template sections that hold the source's own content. */
	sectionsFilled: string[];
	/** Template sections the importer wrote that the source did not have as such. */
	sectionsAdded: string[];
	/** What is left for the author: the warnings `check` gives about missing parts, as messages. */
	needsAuthor: string[];
	/** What `check` would report as errors in the result (the source's own problems, e.g. unsafe HTML). */
	errors: Diagnostic[];
}

/** A source the importer cannot make a spec of; the message says what to do. */
export class ImportError extends Error {}

const OUTLINE = templateOutline();
const TEMPLATE_TITLES = OUTLINE.map((section) => section.title);
/** Warnings that name what the source lacks. */
const LACKS = new Set(['missing-section', 'missing-field', 'empty-field', 'phases-missing', 'tasks-empty', 'rollout-empty', 'timeline-tbd']);

export function importSpec(source: string, options: ImportOptions): ImportResult {
	const text = normalizeSource(source);
	const split = splitSource(text);
	// MDX stays MDX: its components are code, which only an `.mdx` spec may hold.
	const mdx = /\.mdx$/iu.test(options.sourcePath);
	const doc = parseSourceDoc(split.body, mdx);
	const top = doc.tree.children;
	// The title is the first H1, unless the doc is written in H1 sections and that one names a section
	// (`# Summary` then `# Motivation`, as Rust-style RFCs are): `# Observability` alone is a title.
	const h1s = top.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
	const first = h1s[0];
	const h1 = first && h1s.length > 1 && templateSectionFor(plainText(first)) ? undefined : first;
	const sections = sliceSections(doc, h1);
	const headerEnd = sections[0]?.start ?? doc.body.length;
	const headerStart = h1 ? span(h1).start : 0;

	// Tables of contents go first: their links are no metadata, their headings no sections.
	dropTablesOfContents(doc, top);
	for (const section of sections) if (isTocHeading(section.title)) section.dropped = true;

	mapSections(doc, sections);
	for (const section of sections) {
		const template = OUTLINE.find((each) => each.title === section.template);
		if (template && template.title !== 'Overview') respellNearMisses(doc, nodesIn(doc.tree, section.start, section.end).filter((node) => node !== section.heading), template);
	}
	const overview = sections.find((section) => section.template === 'Overview');

	// Metadata: the frontmatter's keys, the header's labelled lines, the Overview's own fields.
	const yaml = readFrontmatter(split.frontmatter);
	const header = findMetadata(doc, nodesIn(doc.tree, headerStart, headerEnd).filter((node) => node !== h1));
	const inOverview = overview
		? findMetadata(doc, nodesIn(doc.tree, overview.start, overview.end).filter((node) => node !== overview.heading), { keepBlankLines: true, remarksBefore: overview.start })
		: { found: [], apply: () => {} };
	const found = [...yaml.found, ...header.found, ...inOverview.found];
	const statusSection = sections.find((section) => !section.template && normalizeLabel(section.title) === 'status' && !found.some((each) => each.kind === 'status'));
	if (statusSection) found.push(...statusFromSection(doc, statusSection));

	// Overview fields written as Specbook writes them, with valid values, stay where and as they are.
	const own = inOverview.found.filter((each) => each.field && isOverviewLabel(each.label) && isValidOwn(each));
	const chosen = chooseMetadata(found, options.today, own);
	const isOwn = (each: Found | undefined) => each !== undefined && own.some((mine) => mine.take === each.take);
	const heading = h1 ? { markdown: withoutIdPrefix(headingSource(doc.body, h1)), text: withoutIdPrefix(plainText(h1)) } : undefined;
	// A frontmatter title written as a slug (`0023-implicit-mapping`) names the file, not the feature.
	const title = yaml.title && (/\s/u.test(yaml.title.text) || !heading) ? yaml.title : (heading ?? yaml.title);
	const feature = chosen.feature
		? { markdown: chosen.feature.value, text: plainText(parseSourceDoc(chosen.feature.value).tree) }
		: (title ?? { markdown: escapeMarkdown(fileTitle(options.sourcePath)), text: fileTitle(options.sourcePath) });
	const authorsMarkdown = chosen.authors?.value ?? options.fallbackAuthor;
	const authors = parseAuthors(authorsMarkdown ?? '');
	if (!authorsMarkdown || authors.length === 0) throw new ImportError('it names no author: pass --author "Name" (and no git history names one)');
	const lastUpdated = chosen.date?.iso ?? options.fallbackDate;
	const originalStatus = chosen.status ? plainStatus(chosen.status.value) : '';
	const status = mapStatus(originalStatus);
	// A date's remark (`15 May 2017 (after the review)`) is the author's text: its line stays.
	for (const each of [chosen.feature, chosen.authors, chosen.status]) if (!isOwn(each)) each?.take();
	if (chosen.date && !isOwn(chosen.date) && !/\(.*\)\s*$/u.test(chosen.date.value)) chosen.date.take();
	// Keys whose value was not taken (an older date, a second owner) stay, as body fields.
	for (const each of yaml.found) if (!yaml.consumed.has(each.label)) yaml.fields.push([each.label, each.value]);
	if (yaml.title && (chosen.feature || title !== yaml.title)) yaml.fields.push(['title', yaml.title.written]);
	header.apply();
	inOverview.apply();

	const target = normalizeRelative(`${options.specsDir}/${slugify(feature.text) || 'imported-spec'}${mdx ? '.mdx' : '.md'}`);
	rebaseLinks(doc, options.sourcePath, target, options.targets ?? new Map(), renamedAnchors(sections));

	// Phases: headings first; a table or checkbox list of phases only where there are no headings.
	const implementation = sections.find((section) => section.template === 'Implementation');
	const phaseSections = sections.filter((section) => section.phase && !section.dropped);
	let phaseCount = 0;
	for (const section of [implementation, ...phaseSections]) {
		if (section) phaseCount += convertPhaseHeadings(doc, nodesIn(doc.tree, section.start, section.end), phaseCount + 1);
	}
	if (phaseCount === 0 && implementation) {
		for (const node of nodesIn(doc.tree, implementation.start, implementation.end)) {
			const phases = listedPhases(doc, node);
			if (phases.length === 0) continue;
			writeListedPhases(doc, node, phases, phaseCount + 1);
			phaseCount += phases.length;
		}
	}

	// Fields the source did not write take the style of those it did (bullet, colon inside the bold).
	const style = [chosen.feature, chosen.authors, chosen.date, chosen.status].find((each) => each?.field);
	const overviewFields = [
		isOwn(chosen.feature) ? '' : field(chosen.feature, 'Feature', feature.markdown, style),
		isOwn(chosen.authors) ? '' : field(chosen.authors, 'Author(s)', authorsMarkdown, style),
		isOwn(chosen.date) ? '' : field(chosen.date, 'Last Updated', lastUpdated, style),
		isOwn(chosen.status) ? '' : field(chosen.status, 'Status', status, style),
	].join('');
	// Overview's fields come before the source's own heading, which would otherwise hold them.
	if (overview && (overviewFields || overview.original)) insertAfterHeading(doc, overview.heading, overview.original ? `${overviewFields}\n${overview.original}` : overviewFields);

	const frontmatter = writeFrontmatter(split.frontmatter, yaml, { from: options.sourcePath, status: originalStatus });
	// The keys moved out of the frontmatter go under the title, or first when there is none.
	const fieldsAt = h1 ? Math.min(lineAt(doc.body, span(h1).end).end, headerEnd) : headerStart;
	let headerFields = '';
	if (yaml.fields.length) {
		const list = `${yaml.fields.map(([key, value]) => `- **${key}**: ${value}`).join('\n')}\n`;
		// Set apart by blank lines from the title above and from what follows, unless a blank line is there already.
		const next = lineAt(doc.body, fieldsAt);
		const blankAfter = fieldsAt < headerEnd && !doc.body.slice(next.start, next.end).trim();
		headerFields = `${h1 ? '\n' : ''}${list}${blankAfter ? '' : '\n'}`;
	}

	const markdown = frontmatter + assemble(doc, { headerStart, headerEnd, fieldsAt, headerFields, sections, overview, implementation, overviewFields });
	const analysis = analyzeFile({ path: target, source: markdown }, { specsDir: options.specsDir, today: options.today, ...(options.fileExists ? { fileExists: options.fileExists } : {}) });
	const filled = sections.filter((section) => section.template && !section.dropped).map((section) => section.template!);
	const added = [...(overview ? [] : ['Overview']), ...(phaseSections.length && !implementation ? ['Implementation'] : [])];
	return {
		target,
		markdown,
		feature: feature.text,
		authors: authors.map((author) => author.name),
		lastUpdated,
		status,
		originalStatus,
		sectionsFilled: TEMPLATE_TITLES.filter((title) => filled.includes(title)),
		sectionsAdded: added,
		needsAuthor: analysis.diagnostics.filter((each) => each.severity === 'warning' && LACKS.has(each.code)).map((each) => each.message),
		errors: analysis.diagnostics.filter((each) => each.severity === 'error'),
	};
}

/** The ids of the headings the import renamed to a template section's name → their new ids. */
function renamedAnchors(sections: readonly SectionSlice[]): Map<string, string> {
	const before = new GithubSlugger();
	const anchors = new Map<string, string>();
	for (const section of sections) {
		const old = before.slug(section.title);
		// A heading in other words stays, as an H3 (section.original): its id still leads to it.
		if (section.template && !section.original && section.template !== section.title) anchors.set(old, new GithubSlugger().slug(section.template));
	}
	return anchors;
}

/** LF line ends, no BOM, a final newline. */
function normalizeSource(source: string): string {
	const text = source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
	return text.endsWith('\n') ? text : `${text}\n`;
}

/** The file name as a title, for a source with no title at all. */
const fileTitle = (path: string) => (path.split('/').pop() ?? path).replace(/\.[^.]+$/u, '').replace(/[-_]+/gu, ' ').trim();

/** The chosen value of each kind; a date is the newest that is not after today. */
function chooseMetadata(found: Found[], today: string, own: Found[]) {
	const first = (kind: Found['kind']) => own.find((each) => each.kind === kind) ?? found.find((each) => each.kind === kind);
	const latest = latestAllowedDate(today);
	const dates = found.flatMap((each) => {
		const iso = each.kind === 'date' ? parseLooseDate(each.value) : undefined;
		return iso && iso <= latest ? [{ ...each, iso }] : [];
	});
	const ownDate = own.find((each) => each.kind === 'date');
	const date = ownDate ? { ...ownDate, iso: ownDate.value.trim() } : dates.reduce<(typeof dates)[number] | undefined>((best, each) => (!best || each.iso > best.iso ? each : best), undefined);
	return {
		feature: first('feature'),
		authors: own.find((each) => each.kind === 'authors') ?? found.find((each) => each.kind === 'authors' && parseAuthors(each.value).length > 0),
		date,
		status: first('status'),
	};
}

/** A label of the template's Overview (Feature, Author(s) and its aliases, Last Updated, Status). */
const isOverviewLabel = (label: string) => OUTLINE[0]!.fields.some((each) => [each.label, ...each.aliases].some((name) => normalizeMetadataLabel(name) === normalizeMetadataLabel(label)));

/** Whether a value written in a Specbook Overview field is one `check` accepts as it is. */
function isValidOwn(found: Found): boolean {
	const value = found.value.trim();
	if (found.kind === 'feature') return value !== '' && !isPlaceholder(value);
	if (found.kind === 'authors') return parseAuthors(value).length > 0;
	if (found.kind === 'date') return isIsoDate(value);
	return parseStatus(value) !== undefined;
}

/** One Overview field line, in the style of the source's fields; the label as written when the source wrote it as a Specbook label. */
function field(from: Found | undefined, label: string, value: string, style: Found | undefined): string {
	const written = from?.field && isOverviewLabel(from.label) ? from.label : label;
	const like = from?.field ? from : style;
	return `${like?.bullet ?? '-'} ${like?.colonInside ? `**${written}:**` : `**${written}**:`} ${value}\n`;
}

/** Inserts `text` on the line after a heading, with a blank line after it when a paragraph follows. */
function insertAfterHeading(doc: SourceDoc, heading: Heading, text: string): void {
	const at = lineAt(doc.body, span(heading).end - 1).end;
	let next = lineAt(doc.body, at);
	// Lines the metadata removal took out do not count.
	while (next.end > next.start && doc.edits.touches(next.start, next.end) && doc.edits.render(next.start, next.end) === '') next = lineAt(doc.body, next.end);
	const following = doc.body.slice(next.start, next.end);
	const needsBlank = following.trim() !== '' && !/^\s*(?:[-*+]|\d{1,9}[.)])\s/u.test(following);
	doc.edits.insert(at, needsBlank ? `${text}\n` : text);
}

/**
 * The body in its new order: preamble and header as they were, Overview first among the sections,
 * H2 phases after Implementation, every other section in its order. Pieces that were not
 * neighbours in the source are set apart by a blank line.
 */
function assemble(
	doc: SourceDoc,
	{ headerStart, headerEnd, fieldsAt, headerFields, sections, overview, implementation, overviewFields }: {
		headerStart: number;
		headerEnd: number;
		/** Where in the header `headerFields` (the frontmatter keys Specbook lacks) go. */
		fieldsAt: number;
		headerFields: string;
		sections: SectionSlice[];
		overview: SectionSlice | undefined;
		implementation: SectionSlice | undefined;
		overviewFields: string;
	}
): string {
	type Piece = { text: string; at?: number; end?: number };
	const render = (start: number, end: number): Piece => ({ text: doc.edits.render(start, end), at: start, end });
	const header = render(headerStart, fieldsAt).text + headerFields + render(fieldsAt, headerEnd).text;
	const pieces: Piece[] = [render(0, headerStart), { text: header, at: headerStart, end: headerEnd }];
	pieces.push(overview ? render(overview.start, overview.end) : { text: `## Overview\n${overviewFields}\n` });
	const phases = sections.filter((section) => section.phase && !section.dropped);
	let phasesPlaced = false;
	for (const section of sections) {
		if (section.dropped || section === overview) continue;
		if (section.phase) {
			if (phasesPlaced) continue;
			if (!implementation) pieces.push({ text: '## Implementation\n\n' });
			else continue;
		} else pieces.push(render(section.start, section.end));
		if (section === implementation || (!implementation && section.phase)) {
			for (const phase of phases) pieces.push(render(phase.start, phase.end));
			phasesPlaced = true;
		}
	}
	let out = '';
	let previous: Piece | undefined;
	for (const piece of pieces) {
		if (!piece.text) continue;
		const adjacent = previous?.end !== undefined && previous.end === piece.at;
		if (out && !adjacent && !out.endsWith('\n\n')) out += out.endsWith('\n') ? '\n' : '\n\n';
		out += piece.text;
		previous = piece;
	}
	return out.endsWith('\n') ? out : `${out}\n`;
}
