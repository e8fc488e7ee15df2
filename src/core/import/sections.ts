/**
 * A source doc's sections: the H2s after its title, each from its heading to the next, and the
 * template section each becomes, by name, synonym, numbering or near miss (first come, first
 * served; a section holding phases is Implementation).
 */
import type { Heading } from 'mdast';
import { templateOutline } from '../schema.ts';
import { nearestMatch, normalizeLabel } from '../text.ts';
import { headingSource, nodesIn, plainText, span, type SourceDoc } from './doc.ts';
import { blockLines, lineAt } from './edits.ts';
import type { Found } from './extract.ts';
import { cleanHeading, phaseHeading, templateSectionFor } from './headings.ts';
import { listedPhases } from './phases.ts';

const TEMPLATE_TITLES = templateOutline().map((section) => section.title);

/** One H2 section of the source. */
export interface SectionSlice {
	heading: Heading;
	/** Where it starts (its heading's line) and ends (the next section's heading) in the body. */
	start: number;
	end: number;
	/** The heading as plain text. */
	title: string;
	/** The template section it becomes, if any. */
	template?: string;
	/** The source's heading, as an H3 under the template's, when it names the section in other words. */
	original?: string;
	/** An H2 phase (`## Phase 2 (Q1 2026)`), moved into Implementation. */
	phase?: boolean;
	/** Left out of the spec: a table of contents, or an ADR-style Status section the Overview took. */
	dropped?: boolean;
}

/** The H2 sections after the title (a later H1 starts one too), each from its heading to the next. */
export function sliceSections(doc: SourceDoc, h1: Heading | undefined): SectionSlice[] {
	const headings = doc.tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth <= 2 && node !== h1 && (!h1 || span(node).start > span(h1).start));
	return headings.map((heading, index) => ({
		heading,
		start: lineAt(doc.body, span(heading).start).start,
		end: headings[index + 1] ? lineAt(doc.body, span(headings[index + 1]!).start).start : doc.body.length,
		title: plainText(heading),
	}));
}

/** Gives each section its template section (first come, first served) and rewrites mapped headings. */
export function mapSections(doc: SourceDoc, sections: SectionSlice[]): void {
	const taken = new Set<string>();
	const hasPhases = (section: SectionSlice) =>
		nodesIn(doc.tree, section.start, section.end).some(
			(node) => (node.type === 'heading' && node.depth === 3 && phaseHeading(plainText(node)) !== undefined) || listedPhases(doc, node).length > 0
		);
	// A section named exactly as a template section keeps it: `## Summary` before `## Overview` is no second Overview.
	const exact = new Map(sections.flatMap((section) => {
		const title = TEMPLATE_TITLES.find((each) => normalizeLabel(each) === normalizeLabel(cleanHeading(section.title)));
		return title && !section.dropped ? [[title, section] as const] : [];
	}));
	for (const section of sections) {
		if (section.dropped) continue;
		if (section.heading.depth === 2 && phaseHeading(section.title)) {
			section.phase = true;
			continue;
		}
		let template = templateSectionFor(section.title) ?? nearestMatch(section.title, TEMPLATE_TITLES);
		// The section holding the phases is Implementation, whatever another one is called.
		const byPhases = !taken.has('Implementation') && hasPhases(section);
		if (byPhases) template = 'Implementation';
		if (!template || taken.has(template) || (!byPhases && exact.has(template) && exact.get(template) !== section)) {
			// A section that stays as it is still stands at the spec's section level (an H1 after the title, as RFCs write them).
			if (section.heading.depth === 1) demote(doc, section.heading);
			continue;
		}
		taken.add(template);
		section.template = template;
		if (normalizeLabel(section.title) !== normalizeLabel(template) || section.heading.depth !== 2) {
			// A heading in other words (`Motivation` for Background) stays, as the first subsection, so no
			// word of it is lost; numbering, emoji and letter case alone are not worth one.
			if (normalizeLabel(cleanHeading(section.title)) !== normalizeLabel(template)) section.original = `### ${headingSource(doc.body, section.heading)}\n`;
			const line = lineAt(doc.body, span(section.heading).start);
			const original = section.original && template !== 'Overview' ? `\n${section.original}` : '';
			doc.edits.replace(line.start, lineAt(doc.body, span(section.heading).end - 1).end, `## ${template}\n${original}`);
		}
	}
}

/** Rewrites an H1 as an H2 with the same text. */
function demote(doc: SourceDoc, heading: Heading): void {
	const line = lineAt(doc.body, span(heading).start);
	doc.edits.replace(line.start, lineAt(doc.body, span(heading).end - 1).end, `## ${headingSource(doc.body, heading)}\n`);
}

/**
 * An ADR-style `## Status` section: its first paragraph (or the first item of a list, `* Accepted`)
 * is the status. What the Overview takes leaves the section; the rest stays, so a `Superseded by
 * [ADR 3](0003-x.md)` keeps its link, and a section left empty goes.
 */
export function statusFromSection(doc: SourceDoc, section: SectionSlice): Found[] {
	const content = nodesIn(doc.tree, section.start, section.end).filter((node) => node !== section.heading);
	const [first] = content;
	const block = first?.type === 'list' ? first.children[0] : first;
	const [paragraph] = block?.type === 'listItem' ? block.children : block ? [block] : [];
	if (!first || !block || paragraph?.type !== 'paragraph' || !plainText(paragraph)) return [];
	// A status with a link or markup besides its words stays as written: the Overview holds its words only.
	const plain = paragraph.children.every((node) => node.type === 'text' || node.type === 'strong' || node.type === 'emphasis');
	const whole = first.type !== 'list' || first.children.length === 1;
	const take = () => {
		if (!plain || !whole) return;
		if (content.length === 1) section.dropped = true;
		else {
			const lines = blockLines(doc.body, span(first).start, span(first).end);
			doc.edits.delete(lines.start, lines.end);
		}
	};
	return [{ kind: 'status', label: 'Status', value: plainText(paragraph), field: false, take }];
}
