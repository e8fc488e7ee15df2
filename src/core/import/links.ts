/**
 * Relative links of a source doc, rebased so they point where they pointed from the spec's new
 * place: to the imported spec of a sibling doc imported alongside, or to the same file as before.
 */
import type { Nodes } from 'mdast';
import { posix } from 'node:path';
import { resolveLink } from '../links.ts';
import { span, type SourceDoc } from './doc.ts';

/** Rewrites the destination of each relative link, image and definition of `doc`. */
export function rebaseLinks(doc: SourceDoc, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>): void {
	const visit = (node: Nodes) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') rebase(doc, node, sourcePath, targetPath, targets);
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};
	visit(doc.tree);
}

function rebase(doc: SourceDoc, node: Nodes & { url: string }, sourcePath: string, targetPath: string, targets: ReadonlyMap<string, string>): void {
	const target = resolveLink(sourcePath, node.url);
	if (target.kind !== 'spec' && target.kind !== 'file') return;
	const moved = targets.get(target.path) ?? target.path;
	const suffix = node.url.slice(node.url.search(/[?#]|$/u));
	const url = posix.relative(posix.dirname(targetPath), moved) + suffix;
	if (url === node.url) return;
	// The destination as written: after `](` for links and images, after `]:` for definitions.
	const { start, end } = span(node);
	const written = doc.body.slice(start, end);
	const opener = node.type === 'definition' ? written.indexOf(']:') : written.lastIndexOf('](');
	if (opener === -1) return;
	const match = /^\s*<?([^\s<>()]+)/u.exec(written.slice(opener + 2));
	if (!match) return;
	const from = start + opener + 2 + match[0].length - match[1]!.length;
	doc.edits.replace(from, from + match[1]!.length, url.replace(/[\s()<>]/gu, encodeURIComponent));
}
