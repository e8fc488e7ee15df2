/**
 * Tables of contents, which an imported spec does without (the site builds its own): `<!-- toc -->`
 * … `<!-- tocstop -->` blocks, `[TOC]` markers, and lists made only of links to the page's headings.
 */
import type { List, Nodes, RootContent } from 'mdast';
import { blockLines } from './edits.ts';
import { span, type SourceDoc } from './doc.ts';

const TOC_START = /^<!--\s*toc\s*-->/iu;
const TOC_STOP = /^<!--\s*(?:tocstop|\/toc|endtoc)\s*-->/iu;
const TOC_MARKER = /^\s*(?:\[toc\]|\[\[_?toc_?\]\])\s*$/iu;

/** Whether every item of a list (and of its nested lists) is one link to an anchor of the page. */
function isLinkList(list: List): boolean {
	return list.children.every((item) =>
		item.children.every((child: Nodes) => {
			if (child.type === 'list') return isLinkList(child);
			if (child.type !== 'paragraph') return false;
			const [only, ...rest] = child.children;
			return rest.length === 0 && only?.type === 'link' && only.url.startsWith('#');
		})
	);
}

/** Removes the tables of contents among `nodes`. */
export function dropTablesOfContents(doc: SourceDoc, nodes: readonly RootContent[]): void {
	const remove = (from: RootContent, to: RootContent = from) => {
		const block = blockLines(doc.body, span(from).start, span(to).end);
		doc.edits.delete(block.start, block.end);
	};
	for (let index = 0; index < nodes.length; index++) {
		const node = nodes[index]!;
		if (node.type === 'html' && TOC_START.test(node.value.trim())) {
			const stop = nodes.findIndex((later, at) => at > index && later.type === 'html' && TOC_STOP.test(later.value.trim()));
			if (TOC_STOP.test(node.value.trim().split('\n').at(-1) ?? '')) remove(node);
			else if (stop !== -1) {
				remove(node, nodes[stop]!);
				index = stop;
			} else remove(node);
		} else if (node.type === 'paragraph' && TOC_MARKER.test(doc.body.slice(span(node).start, span(node).end))) remove(node);
		else if (node.type === 'list' && isLinkList(node)) remove(node);
	}
}
