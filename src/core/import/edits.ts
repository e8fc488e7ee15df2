/**
 * Edits on a source text, kept apart from it so that whatever no edit touches comes out byte for
 * byte as written. A document is rendered as pieces (ranges of the source, in any order, or new
 * text); each range carries the edits that fall inside it.
 */

/** Replace `[from, to)` of the source by `text` (an insertion when from === to). */
export interface Edit {
	from: number;
	to: number;
	text: string;
}

export class EditedText {
	readonly source: string;
	readonly #edits: Edit[] = [];

	constructor(source: string) {
		this.source = source;
	}

	replace(from: number, to: number, text: string): void {
		this.#edits.push({ from, to, text });
	}

	delete(from: number, to: number): void {
		this.replace(from, to, '');
	}

	insert(at: number, text: string): void {
		this.replace(at, at, text);
	}

	/** Whether an edit already removes or replaces part of `[from, to)`. */
	touches(from: number, to: number): boolean {
		return this.#edits.some((edit) => edit.to > from && edit.from < to);
	}

	/**
	 * The range `[from, to)` with its edits applied. An insertion at `to` belongs to the range after,
	 * unless the range ends the text; an empty range is empty, its insertions belonging to the range
	 * that starts there (rendered twice otherwise). Overlapping removals: the first one made wins.
	 */
	render(from: number, to: number): string {
		if (from === to) return '';
		const inside = this.#edits
			.map((edit, order) => ({ ...edit, order }))
			.filter((edit) => edit.from >= from && edit.to <= to && !(edit.from === edit.to && edit.from === to && to !== this.source.length))
			// At one offset, insertions come before a removal that starts there (a field list in place of the lines it replaces).
			.sort((a, b) => a.from - b.from || Number(a.to > a.from) - Number(b.to > b.from) || a.order - b.order);
		let out = '';
		let at = from;
		for (const edit of inside) {
			if (edit.from < at) continue;
			out += this.source.slice(at, edit.from) + edit.text;
			at = edit.to;
		}
		return out + this.source.slice(at, to);
	}
}

/** The offsets of the line holding `offset`: from its first character to after its line end. */
export function lineAt(text: string, offset: number): { start: number; end: number } {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	const newline = text.indexOf('\n', offset);
	return { start, end: newline === -1 ? text.length : newline + 1 };
}

/** `[from, to)` widened to whole lines, plus the blank lines after it. */
export function blockLines(text: string, from: number, to: number): { start: number; end: number } {
	const start = lineAt(text, from).start;
	let end = to > from ? lineAt(text, to - 1).end : lineAt(text, from).end;
	while (end < text.length) {
		const next = lineAt(text, end);
		if (text.slice(next.start, next.end).trim()) break;
		end = next.end;
	}
	return { start, end };
}
