/** The browser tests find a Chromium on any machine: CHROMIUM_PATH, else a system one, else the packaged one. */
import { describe, expect, it } from 'vitest';
import { resolveChromium, type ChromiumLookup } from '../helpers/chromium.ts';

/** A machine where exactly `files` exist and the packaged Chromium extracts to /tmp/chromium. */
const machine = (files: string[], env: Record<string, string> = {}): ChromiumLookup => ({
	env: { PATH: '/usr/local/bin:/usr/bin', ...env },
	exists: (path) => files.includes(path),
	packaged: async () => '/tmp/chromium',
});

describe('resolveChromium', () => {
	it('takes CHROMIUM_PATH over a system browser', async () => {
		expect(await resolveChromium(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toEqual({
			executablePath: '/opt/chrome/chrome',
			source: 'CHROMIUM_PATH',
		});
	});

	it('refuses a CHROMIUM_PATH that does not exist rather than quietly using another browser', async () => {
		await expect(resolveChromium(machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' }))).rejects.toThrow('CHROMIUM_PATH names /nowhere/chrome, which does not exist');
	});

	it('takes a system Chromium, then Chrome, from PATH', async () => {
		expect(await resolveChromium(machine(['/usr/bin/google-chrome', '/usr/local/bin/chromium']))).toEqual({ executablePath: '/usr/local/bin/chromium', source: 'system' });
		expect(await resolveChromium(machine(['/usr/bin/google-chrome']))).toEqual({ executablePath: '/usr/bin/google-chrome', source: 'system' });
		expect(await resolveChromium({ ...machine(['/usr/bin/chromium-browser']), env: { PATH: '' } })).toEqual({ executablePath: '/usr/bin/chromium-browser', source: 'system' });
	});

	it('falls back to the packaged Chromium when the machine has none', async () => {
		expect(await resolveChromium(machine([]))).toEqual({ executablePath: '/tmp/chromium', source: '@sparticuz/chromium' });
	});

	it('skips the system browser when asked, to drive the packaged one', async () => {
		expect(await resolveChromium(machine(['/usr/bin/chromium'], { SPECBOOK_SYSTEM_CHROMIUM: 'off' }))).toEqual({ executablePath: '/tmp/chromium', source: '@sparticuz/chromium' });
	});
});
