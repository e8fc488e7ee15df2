/**
 * `node bench/first-query.ts <built site> [--page /] [--query ledger] [--ui starlight|pagefind-ui]`
 *
 * The benchmark's first-query measurement (bench/measure.ts) on a site already built, e.g.
 * `dist/` of the sample site, or `SPECS_DIR=<generated specs> npm run build -- --outDir <dir>`:
 * what a reader's first search fetches from /pagefind/, gzipped as a static host serves it, by file.
 */
import { parseArgs } from 'node:util';
import { measureFirstQuery } from './measure.ts';

const USAGE = 'usage: node bench/first-query.ts <built site> [--page /] [--query ledger] [--ui starlight|pagefind-ui]';

function main(): Promise<number> | number {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			page: { type: 'string', default: '/' },
			query: { type: 'string', default: 'ledger' },
			ui: { type: 'string', default: 'starlight' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const [root] = positionals;
	if (!root || positionals.length > 1 || (values.ui !== 'starlight' && values.ui !== 'pagefind-ui')) {
		console.error(`error: give one built site${values.ui !== 'starlight' && values.ui !== 'pagefind-ui' ? ', and --ui starlight or pagefind-ui' : ''}\n${USAGE}`);
		return 2;
	}
	return measureFirstQuery(root, { page: values.page, ui: values.ui, query: values.query }).then((result) => {
		const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
		console.log(`"${values.query}" from ${values.page}: ${kb(result.bytes)} gzipped (${kb(result.decodedBytes)} decoded) in ${result.requests} requests, ${result.results} results shown`);
		for (const [file, bytes] of Object.entries(result.byFile).sort((a, b) => b[1] - a[1])) console.log(`  ${kb(bytes).padStart(9)}  ${file}`);
		return 0;
	});
}

process.exitCode = await main();
