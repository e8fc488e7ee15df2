/**
 * Relative links of a source doc, rebased so they point where they pointed from the spec's new
 * place: to the imported spec of a sibling doc imported alongside, or to the same file as before.
 */
import type { Nodes } from 'mdast';
import { posix } from 'node:path';
import { resolveLink } from '../links.ts';
import { span, type SourceDoc } from './doc.ts';

/**
 * Rewrites the destination of each relative link, image and definition of `doc`, and the `src` and
 * `href` of its raw HTML; a link to a heading the import renamed follows it (`anchors`: old id → new).
 */
export function rebaseLinks(doc: SourceDoc, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>, anchors: ReadonlyMap<string, string> = new Map()): void {
	const visit = (node: Nodes) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') rebase(doc, node, sourcePath, targetPath, targets, anchors);
		else if (node.type === 'html') rebaseHtml(doc, node, sourcePath, targetPath, targets);
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};
	visit(doc.tree);
}

/** Where `url`, relative to the source, points from the spec's place; undefined when it need not change. */
function rebased(url: string, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>): string | undefined {
	const target = resolveLink(sourcePath, url);
	if (target.kind !== 'spec' && target.kind !== 'file') return undefined;
	const moved = targets.get(target.path) ?? target.path;
	const suffix = url.slice(url.search(/[?#]|$/u));
	const result = posix.relative(posix.dirname(targetPath), moved) + suffix;
	return result === url ? undefined : result;
}

function rebase(doc: SourceDoc, node: Nodes & { url: string }, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>, anchors: ReadonlyMap<string, string>): void {
	// `#1-background` names a heading the import renamed (`## 1. Background` → `## Background`).
	const anchor = node.url.startsWith('#') ? anchors.get(node.url.slice(1)) : undefined;
	const url = anchor !== undefined ? `#${anchor}` : rebased(node.url, sourcePath, targetPath, targets);
	if (url === undefined) return;
	// The destination as written: after `](` for links and images, after `]:` for definitions.
	const { start, end } = span(node);
	const written = doc.body.slice(start, end);
	const opener = node.type === 'definition' ? written.indexOf(']:') : written.lastIndexOf('](');
	if (opener === -1) return;
	// In angle brackets a destination may hold spaces (`<img/big diagram.png>`): it stays in them.
	const match = /^\s*(?:<([^<>\n]*)>|([^\s<>()]+))/u.exec(written.slice(opener + 2));
	if (!match) return;
	const angled = match[1] !== undefined;
	const destination = match[1] ?? match[2]!;
	const from = start + opener + 2 + match[0].length - destination.length - (angled ? 1 : 0);
	doc.edits.replace(from, from + destination.length, angled ? url.replace(/[<>\n]/gu, encodeURIComponent) : url.replace(/[\s()<>]/gu, encodeURIComponent));
}

/** `src` and `href` attributes of raw HTML (`<img src="img/flow.png">`), rebased as links are. */
function rebaseHtml(doc: SourceDoc, node: Nodes, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>): void {
	const { start, end } = span(node);
	for (const match of doc.body.slice(start, end).matchAll(/\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/giu)) {
		const value = match[1] ?? match[2]!;
		const url = rebased(value, sourcePath, targetPath, targets);
		if (url === undefined) continue;
		const from = start + match.index + match[0].length - value.length - 1;
		doc.edits.replace(from, from + value.length, url.replace(/["'<>\s]/gu, encodeURIComponent));
	}
}
