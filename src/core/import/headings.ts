/**
 * Headings as design docs write them, read for what they name: numbering (`## 1. Overview`,
 * `### 2.3 Data model`), emoji (`## 🎯 Goals`), ALL CAPS and ID prefixes (`# SPEC-035: …`,
 * `# TEP-0041: …`) are set aside; synonyms of the template's sections are mapped to them.
 */
import { normalizeLabel } from '../text.ts';

/** An ID before a title: `SPEC-035:`, `TEP-0041 -`, `SE-0255 —`, `RFC 42:`, `KEP-1234.`, `0023-` */
const ID_PREFIX = /^(?:[A-Z][A-Za-z]*[- ]?)?\d+[A-Za-z]?\s*(?:[:.\-–—|]\s*|\s+(?=\S))/u;
/** Numbering before a title: `1.`, `1)`, `2.3`, `2.3.1.`, `IV.`, `A.` (one letter with a period). */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]?|[IVXLC]+\.|[A-Z]\.)\s+/u;
/** Symbols and emoji before a title (and the variation selectors and joiners inside them). */
const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{So}\u200d\ufe0f\s]+/u;

/** A heading's name without numbering, emoji or trailing colon (case kept). */
export function cleanHeading(title: string): string {
	return title.replace(LEADING_SYMBOLS, '').replace(NUMBERING, '').replace(LEADING_SYMBOLS, '').replace(/\s*[:：]\s*$/u, '').trim();
}

/** A title without its ID prefix (`TEP-0041: Tekton Results` → `Tekton Results`); the title itself when that would leave nothing. */
export function withoutIdPrefix(title: string): string {
	const rest = cleanHeading(cleanHeading(title).replace(ID_PREFIX, ''));
	return rest || cleanHeading(title);
}

/** Names other docs give the template's sections (compared normalised), by template section title. */
export const SECTION_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
	Overview: ['Overview', 'Executive Summary', 'Summary', 'Abstract', 'Introduction', 'Objective', 'TL;DR'],
	Background: ['Background', 'Motivation', 'Context', 'Context and Problem Statement', 'Background and Motivation', 'Problem Statement'],
	Architecture: ['Architecture', 'Design', 'Proposal', 'Detailed Design', 'Technical Design', 'Proposed Design', 'Design Proposal', 'Design Details', 'Solution'],
	Implementation: ['Implementation', 'Implementation Plan', 'Plan', 'Milestones', 'Phases', 'Roadmap', 'Delivery Plan', 'Timeline'],
	'Testing Strategy': ['Testing Strategy', 'Testing', 'Test Plan', 'Tests'],
	Deployment: ['Deployment', 'Rollout', 'Rollout Plan', 'Deployment Plan', 'Release Plan'],
	Monitoring: ['Monitoring', 'Observability'],
	Documentation: ['Documentation', 'Docs'],
};

/** The template section a heading names (by its title or a synonym), if any. */
export function templateSectionFor(title: string): string | undefined {
	const wanted = normalizeLabel(cleanHeading(title));
	for (const [section, names] of Object.entries(SECTION_SYNONYMS)) {
		if (names.some((name) => normalizeLabel(name) === wanted)) return section;
	}
	return undefined;
}

/** Headings of a table of contents, which the importer leaves out. */
export const isTocHeading = (title: string) => /^(?:table of contents|contents|toc)$/iu.test(cleanHeading(title));

/** A phase heading (`Phase 1 — Name`, `Phase 0: …`, `Phase 2 (Q1 2026)`): its number and the rest. */
export function phaseHeading(title: string): { number: number; rest: string } | undefined {
	const match = /^phase\s*(\d+)\b\s*[:.)\-–—]?\s*(.*)$/iu.exec(cleanHeading(title));
	return match ? { number: Number(match[1]), rest: match[2]!.trim() } : undefined;
}
