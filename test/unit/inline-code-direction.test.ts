/**
 * Inline code in specs gets `dir="auto"` in the Markdown tree
 * (src/integration/internals/inline-code-direction.ts), where Starlight would add it later by
 * walking each `<code>`'s ancestors; code blocks do not.
 */
import { pathToFileURL } from 'node:url';
import { markdownToHtml, type MdastPluginDefinition } from 'satteri';
import { describe, expect, it } from 'vitest';
import { inlineCodeDirectionPlugin } from '../../src/integration/internals/inline-code-direction.ts';

const plugin = inlineCodeDirectionPlugin({ specsDir: 'specs', cwd: '/repo' });

/** The HTML Sätteri makes of `markdown` as the file `file`, with the plugin (after `before`). */
async function html(markdown: string, file: string, before: MdastPluginDefinition[] = []): Promise<string> {
	return (await markdownToHtml(markdown, { mdastPlugins: [...before, plugin], fileURL: pathToFileURL(file) })).html;
}

const SOURCE = 'Retries go through `ledger-svc`.\n\n- **Tasks**: call `POST /refunds`\n\n```sh\nnpm run check\n```\n';

describe('inlineCodeDirectionPlugin', () => {
	it('marks inline code in a spec, not code blocks', async () => {
		const out = await html(SOURCE, '/repo/specs/payments/retry.md');
		expect(out).toContain('<code dir="auto">ledger-svc</code>');
		expect(out).toContain('<code dir="auto">POST /refunds</code>');
		expect(out).toMatch(/<pre><code class="language-sh">npm run check/u);
	});

	it('leaves files outside the specs folder alone', async () => {
		expect(await html(SOURCE, '/repo/src/content/docs/guide/index.md')).not.toContain('dir=');
	});

	it('leaves inline code another plugin turned into another element alone', async () => {
		const kbd: MdastPluginDefinition = { name: 'kbd', inlineCode: (node, ctx) => ctx.setProperty(node, 'data', { hName: 'kbd' }) };
		expect(await html('Press `Ctrl`.', '/repo/specs/a.md', [kbd])).toContain('<kbd>Ctrl</kbd>');
	});

	it('keeps a direction another plugin already set', async () => {
		const rtl: MdastPluginDefinition = { name: 'rtl', inlineCode: (node, ctx) => ctx.setProperty(node, 'data', { hProperties: { dir: 'rtl' } }) };
		expect(await html('Use `x`.', '/repo/specs/a.md', [rtl])).toContain('<code dir="rtl">x</code>');
	});
});
