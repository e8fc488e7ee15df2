/**
 * The environment Pagefind's indexer inherits from the build
 * (src/integration/internals/pagefind-tuning.ts): Specbook's settings where the user has none, the
 * user's own where they do.
 */
import { describe, expect, it } from 'vitest';
import { PAGEFIND_ENVIRONMENT, tunePagefind } from '../../src/integration/internals/pagefind-tuning.ts';

describe('tunePagefind', () => {
	it("sets the index chunk size, and leaves Pagefind's memory settings (jemalloc's) alone", () => {
		const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
		tunePagefind(env);
		expect(env).toEqual({ PATH: '/usr/bin', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000' });
		expect(Object.keys(PAGEFIND_ENVIRONMENT).filter((name) => name.includes('MALLOC'))).toEqual([]);
	});

	it('keeps a setting the user made, even an empty one', () => {
		const env: NodeJS.ProcessEnv = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '', _RJEM_MALLOC_CONF: 'dirty_decay_ms:0' };
		tunePagefind(env);
		expect(env).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '', _RJEM_MALLOC_CONF: 'dirty_decay_ms:0' });
	});
});
