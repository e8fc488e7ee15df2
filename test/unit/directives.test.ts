/**
 * Asides Starlight refuses: an unknown `icon` on `:::note`, `:::tip`, `:::caution` or `:::danger`
 * made the build log an unlocated error and publish the page with an empty body. `check` reports
 * it where the aside opens, naming the attribute; the icon list follows Starlight's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { analyzeFile } from '../../src/core/index.ts';
import { STARLIGHT_ICONS } from '../../src/core/starlight-icons.ts';
import { buildSpec, columnOf, lineOf } from '../helpers/spec-builder.ts';

const TODAY = '2026-11-26';
const withNotes = (body: string) => buildSpec({ feature: 'Asides', status: 'Draft', extraSections: [{ title: 'Notes', body }] });
const check = (path: string, source: string) =>
	analyzeFile({ path, source }, { specsDir: 'specs', today: TODAY }).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);

describe('aside attributes', () => {
	test('an unknown icon is a located error naming the attribute, in .md and .mdx, at any depth', () => {
		const source = withNotes(':::note{icon="nope"}\nBody.\n:::\n\n- A list item\n\n  :::danger{icon="skull"}\n  Nested.\n  :::');
		const note = lineOf(source, ':::note');
		const danger = lineOf(source, ':::danger');
		const expected = [
			`directive-invalid ${note}:1 \`:::note\` has icon="nope", which is not one of Starlight's icons.`,
			`directive-invalid ${danger}:${columnOf(source, danger, ':::danger')} \`:::danger\` has icon="skull", which is not one of Starlight's icons.`,
		];
		expect(check('specs/asides.md', source)).toEqual(expected);
		expect(check('specs/asides.mdx', source)).toEqual(expected);
	});

	test('what Starlight accepts passes: its icons, an empty icon, other attributes, other directives', () => {
		const source = withNotes(
			[
				':::tip{icon="rocket"}\nA built-in icon.\n:::',
				':::caution{icon="seti:json"}\nA file-tree icon.\n:::',
				':::note{icon=""}\nAn empty icon keeps the note\'s own.\n:::',
				':::danger{title="Careful" data-x="1"}\nOther attributes are ignored.\n:::',
				':::details{icon="nope"}\nNot an aside: Starlight leaves it alone.\n:::',
				'Text :abbr{icon="nope"} and a code block:\n\n```md\n:::note{icon="nope"}\n:::\n```',
			].join('\n\n')
		);
		expect(check('specs/fine.md', source)).toEqual([]);
		// In .mdx, braces with several attributes are no expression: the page reads them as the aside's.
		expect(check('specs/fine.mdx', source)).toEqual([]);
	});

	test('.mdx: an aside with attributes is read as the site reads it, and a real syntax error beside it is still located', () => {
		const source = withNotes(':::note{title="Heads up" icon="rocket"}\nBody.\n:::\n\nBroken {1 +}.');
		const line = lineOf(source, 'Broken');
		expect(check('specs/broken.mdx', source)).toEqual([`mdx-syntax ${line}:${columnOf(source, line, '}.')} MDX syntax error: Could not parse expression with oxc: Unexpected token.`]);
	});

	test('the icon list is Starlight’s own (fails when an upgrade of Starlight changes it)', async () => {
		const icons = fileURLToPath(new URL('../../node_modules/@astrojs/starlight/dist/components-internals/Icons.js', import.meta.url));
		expect(readFileSync(icons, 'utf8')).toContain('Icons');
		const { Icons } = (await import(icons)) as { Icons: Record<string, string> };
		expect([...STARLIGHT_ICONS].sort()).toEqual(Object.keys(Icons).sort());
	});
});
