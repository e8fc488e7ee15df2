/**
 * Markdown outline → the candidate object the schema validates, plus where each part was written.
 * Structural findings that need the source (near-miss labels, duplicates, malformed phase
 * headings) are reported here, each with the template section it was found in so the analyser can
 * hold it as strictly as the schema holds that section; everything about values is left to the schema.
 */
import { createDiagnostic } from './diagnostics.ts';
import type { Field, Section, SpecDocument } from './document.ts';
import type { Diagnostic, Position } from './model.ts';
import type { OutlineField, OutlineSection } from './schema.ts';
import { nearestMatches, normalizeLabel } from './text.ts';
import { isNone } from './values.ts';

/** Dotted path in the candidate (`implementation.phases.0.timeline`) → source position. */
export type PositionMap = Map<string, Position>;

/** A structural finding, and the key of the top-level template section it was found in (if any). */
export interface OutlineFinding {
	diagnostic: Diagnostic;
	section: string | undefined;
}

/** What the analyser needs besides the candidate. */
export interface OutlineResult {
	candidate: Record<string, unknown>;
	positions: PositionMap;
	findings: OutlineFinding[];
	/** Raw fields by candidate path, for values that need the Markdown (authors) or links (dependencies). */
	fields: Map<string, Field>;
	/** H2 headings that are not template sections. */
	extraSections: string[];
	/** Section and field paths whose heading or label was reported as a near miss: no separate "missing" for them. */
	misspelled: Set<string>;
	/** Each heading or label reported as a near miss, with what it means: what `check --fix` rewrites. */
	nearMisses: NearMiss[];
}

/** A heading or label written as a near miss of a template one. */
export interface NearMiss {
	code: 'section-typo' | 'section-decorated' | 'label-typo';
	/** The heading or label as written (plain text). */
	written: string;
	/** What to write instead: the template's name, or the heading without its number or emoji. */
	meant: string;
	/** Where the heading or the label starts. */
	position: Position;
	/** The candidate path of the section or field it means. */
	path: string;
	/** False when another template name is just as near: the fix is then the author's to choose. */
	unique: boolean;
	/** A heading read as the section it means (its one reading, that section not written as well). */
	readAsMeant?: boolean;
}

const PHASE_HEADING = /^phase\s+(\d+)\s*(?:[:.)\-–—]\s*(.*))?$/iu;

export function buildCandidate(document: SpecDocument, outline: OutlineSection[], file: string): OutlineResult {
	const result: OutlineResult = {
		candidate: {},
		positions: new Map(),
		findings: [],
		fields: new Map(),
		extraSections: [],
		misspelled: new Set(),
		nearMisses: [],
	};
	const matched = matchSections(document.sections, outline, '', result, file);
	for (const raw of document.sections) if (!matched.has(raw)) result.extraSections.push(raw.title);

	// A missing section is reported where it should be inserted: at the next template section that exists.
	outline.forEach((section, index) => {
		if (result.candidate[section.key] !== undefined) return;
		const next = outline.slice(index + 1).find((later) => result.positions.has(later.key));
		result.positions.set(section.key, next ? result.positions.get(next.key)! : { line: document.lastLine, column: 1 });
	});
	return result;
}

/** Matches raw sections to outline sections by title; fills `target` and returns the raw sections used. */
function matchSections(
	raws: Section[],
	outline: OutlineSection[],
	prefix: string,
	result: OutlineResult,
	file: string,
	target: Record<string, unknown> = result.candidate
): Set<Section> {
	const used = new Set<Section>();
	const titles = outline.map((section) => section.title);
	const written = new Set(raws.map((raw) => normalizeLabel(raw.title)));
	for (const raw of raws) {
		let section = outline.find((candidate) => normalizeLabel(candidate.title) === normalizeLabel(raw.title));
		const bare = section ? raw.title : undecorated(raw.title);
		const decorated = bare !== raw.title && !written.has(normalizeLabel(bare)) ? outline.find((candidate) => normalizeLabel(candidate.title) === normalizeLabel(bare)) : undefined;
		if (decorated) {
			report(result, prefix, createDiagnostic('section-decorated', file, raw.position, { heading: raw.title, section: decorated.title }));
			nearMiss(result, { code: 'section-decorated', written: raw.title, meant: bare, position: raw.position, path: join(prefix, decorated.key), unique: true, readAsMeant: true });
			// It has one reading: read it as that section, so that the problems inside it are reported in this run too.
			section = decorated;
		}
		if (!section) {
			const suggestions = nearestMatches(raw.title, titles);
			const suggestion = suggestions[0];
			if (suggestion && !looksLikePhase(raw.title)) {
				report(result, prefix, createDiagnostic('section-typo', file, raw.position, { heading: raw.title, suggestion }));
				const path = join(prefix, outline.find((s) => s.title === suggestion)!.key);
				// With one reading, and that section not written as well, it is read as that section, as a
				// decorated heading is: the problems inside it are reported in this run too.
				const readAsMeant = suggestions.length === 1 && !written.has(normalizeLabel(suggestion));
				nearMiss(result, { code: 'section-typo', written: raw.title, meant: suggestion, position: raw.position, path, unique: suggestions.length === 1, readAsMeant });
				if (readAsMeant) section = outline.find((s) => s.title === suggestion);
			}
			if (!section) continue;
		}
		const path = join(prefix, section.key);
		if (target[section.key] !== undefined) {
			const first = result.positions.get(path)!;
			report(result, path, createDiagnostic('duplicate-section', file, raw.position, { section: raw.title, line: first.line }));
			continue;
		}
		used.add(raw);
		result.positions.set(path, raw.position);
		target[section.key] = section.steps ? readSteps(raw, path, result) : readSection(raw, section, path, result, file);
	}
	return used;
}

function readSection(raw: Section, section: OutlineSection, path: string, result: OutlineResult, file: string) {
	const value: Record<string, unknown> = {};
	readFields(raw.fields, section.fields, path, value, result, file);
	if (section.phaseFields) {
		value['phases'] = readPhases(raw.subsections, section.phaseFields, join(path, 'phases'), result, file);
		matchSections(raw.subsections.filter((sub) => !looksLikePhase(sub.title)), section.subsections, path, result, file, value);
	} else {
		matchSections(raw.subsections, section.subsections, path, result, file, value);
	}
	// A missing subsection is reported at its parent's heading.
	for (const sub of section.subsections) if (value[sub.key] === undefined) result.positions.set(join(path, sub.key), raw.position);
	return value;
}

function readFields(
	raws: Field[],
	fields: OutlineField[],
	path: string,
	target: Record<string, unknown>,
	result: OutlineResult,
	file: string
): void {
	const labels = fields.flatMap((field) => [field.label, ...field.aliases]);
	for (const raw of raws) {
		const wanted = normalizeLabel(raw.label);
		const field = fields.find((candidate) => [candidate.label, ...candidate.aliases].some((label) => normalizeLabel(label) === wanted));
		// `**Word:**text` that is no template field, or repeats one, is ordinary text, as it always was.
		if (raw.notBold && (!field || target[field.key] !== undefined)) continue;
		if (!field) {
			const suggestions = nearestMatches(raw.label, labels);
			const suggestion = suggestions[0];
			if (suggestion) {
				report(result, path, createDiagnostic('label-typo', file, raw.labelPosition, { label: raw.label, suggestion }));
				// Aliases of one field (`Author`, `Authors`) just as near are still one meaning.
				const meaning = (label: string) => fields.find((candidate) => [candidate.label, ...candidate.aliases].includes(label))!;
				const meant = meaning(suggestion);
				const unique = suggestions.every((other) => meaning(other) === meant);
				nearMiss(result, { code: 'label-typo', written: raw.label, meant: suggestion, position: raw.labelPosition, path: join(path, meant.key), unique });
			}
			continue;
		}
		if (raw.notBold) report(result, path, createDiagnostic('label-not-bold', file, raw.labelPosition, { label: raw.label, written: raw.notBold }));
		const fieldPath = join(path, field.key);
		if (target[field.key] !== undefined) {
			const first = result.fields.get(fieldPath)!.labelPosition;
			report(result, path, createDiagnostic('duplicate-field', file, raw.labelPosition, { field: raw.label, line: first.line }));
			continue;
		}
		result.fields.set(fieldPath, raw);
		result.positions.set(fieldPath, raw.valuePosition);
		if (!field.list) {
			target[field.key] = field.markdown ? raw.markdown : raw.text;
			continue;
		}
		// `None` means "no item", inline or as the only nested item (`- **Dependencies**:` then `  - None`).
		// Empty items (`1.` with nothing after it) are not tasks.
		const written = raw.items.filter((item) => item.text !== '');
		// `None` (inline, or the first item) means no item; paragraphs after it explain it.
		const none = isNone(raw.inline) || (!raw.inline && written[0] !== undefined && isNone(written[0].text));
		const entries = none ? written.filter((item, index) => !item.paragraph && !(index === 0 && isNone(item.text))) : written;
		const inline = raw.inline && !isNone(raw.inline) ? [raw.inline] : [];
		// Neither a value nor "None": the field was left empty, which the schema tells from "None".
		target[field.key] = !raw.inline && written.length === 0 ? '' : [...inline, ...entries.map((item) => item.text)];
		entries.forEach((item, index) => result.positions.set(`${fieldPath}.items.${index + inline.length}`, item.position));
	}
}

function readPhases(subsections: Section[], fields: OutlineField[], path: string, result: OutlineResult, file: string) {
	const phases: Record<string, unknown>[] = [];
	for (const sub of subsections) {
		if (!looksLikePhase(sub.title)) continue;
		const match = sub.title.match(PHASE_HEADING);
		const name = match?.[2]?.trim();
		if (!match || !name) {
			report(result, path, createDiagnostic('phase-heading', file, sub.position, { heading: sub.title }));
			continue;
		}
		const phasePath = join(path, String(phases.length));
		const phase: Record<string, unknown> = { number: Number(match[1]), name };
		result.positions.set(phasePath, sub.position);
		readFields(sub.fields, fields, phasePath, phase, result, file);
		phases.push(phase);
	}
	return phases;
}

/**
 * The steps of a section written as a numbered list (Rollout Plan): the items of its numbered lists,
 * so a bulleted note beside them (`- **Owner**: SRE`) is no step; with none, its bullets.
 */
function readSteps(raw: Section, path: string, result: OutlineResult): string[] {
	const numbered = raw.entries.filter((entry) => entry.ordered);
	const steps = numbered.length ? numbered : raw.entries;
	steps.forEach((entry, index) => result.positions.set(join(path, String(index)), entry.position));
	return steps.map((entry) => entry.text);
}

/** Records a near miss; the typo is the one finding about it, so no "missing" for what it means. */
function nearMiss(result: OutlineResult, miss: NearMiss): void {
	result.nearMisses.push(miss);
	result.misspelled.add(miss.path);
}

/**
 * A heading without the numbers and emoji around it (`1. Overview`, `2.1 System Design`,
 * `🎯 Overview`, `Overview ✅`): real design docs decorate template headings so.
 */
export function undecorated(title: string): string {
	return title.replace(LEADING_DECORATION, '').replace(TRAILING_DECORATION, '').trim() || title;
}

/** One emoji: a pictograph, a flag letter or a keycap, with its modifiers and joined parts. */
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[0-9#*]\uFE0F?\u20E3)(?:[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]|\p{Extended_Pictographic})*`;
const LEADING_DECORATION = new RegExp(String.raw`^(?:\d+(?:\.\d+)*[.)]?\s+|${EMOJI}\s*)+`, 'u');
const TRAILING_DECORATION = new RegExp(String.raw`(?:\s*${EMOJI})+$`, 'u');

/** Records a structural finding made under `path` (a dotted candidate path; '' at the top). */
function report(result: OutlineResult, path: string, diagnostic: Diagnostic): void {
	result.findings.push({ diagnostic, section: path.split('.')[0] || undefined });
}

const looksLikePhase = (title: string) => /^phase\b/iu.test(title.trim());
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
