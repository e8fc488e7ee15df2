/**
 * The environment Pagefind's indexer inherits from the build
 * (src/integration/internals/pagefind-tuning.ts): Specbook's settings where the user has none, the
 * user's own where they do.
 */
import { describe, expect, it } from 'vitest';
import { PAGEFIND_ENVIRONMENT, tunePagefind } from '../../src/integration/internals/pagefind-tuning.ts';

describe('tunePagefind', () => {
	it('sets the memory and index chunk settings', () => {
		const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
		tunePagefind(env);
		expect(env).toEqual({ PATH: '/usr/bin', _RJEM_MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000' });
	});

	it("keeps a setting the user made, even an empty one, and still adds the others", () => {
		const env: NodeJS.ProcessEnv = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '20000', _RJEM_MALLOC_CONF: '' };
		tunePagefind(env);
		expect(env).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '20000', _RJEM_MALLOC_CONF: '' });
		const partial: NodeJS.ProcessEnv = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '500' };
		tunePagefind(partial);
		expect(partial).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '500', _RJEM_MALLOC_CONF: PAGEFIND_ENVIRONMENT._RJEM_MALLOC_CONF });
	});
});
