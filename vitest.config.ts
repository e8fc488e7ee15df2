import { defineConfig } from 'vitest/config';

// Three projects: `npm test` runs unit and sites; `npm run test:bench` runs bench (figures, timings,
// campaigns), which CI runs too. The sites project builds its fixture sites once, in globalSetup.
export default defineConfig({
	test: {
		testTimeout: 30_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: { name: 'sites', include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/setup/fixtures.ts'], hookTimeout: 120_000 },
			},
			{ extends: true, test: { name: 'bench', include: ['test/bench/**/*.test.ts'], globalSetup: ['test/setup/fixtures.ts'], testTimeout: 300_000, hookTimeout: 120_000 } },
		],
	},
});
