/**
 * Entry of `npm run check` (the command is ./commands/check.ts). It is imported only after the
 * compile cache is on, so that its modules can come from the cache.
 */
import { inheritedEnvironment, resolveCliContext } from '../context.ts';
import { enableCompileCache } from './compile-cache.ts';

enableCompileCache(inheritedEnvironment());
const [{ check, USAGE }, { runCli }] = await Promise.all([import('./commands/check.ts'), import('./run.ts')]);
// The context is resolved once, here, and handed to the command.
runCli(USAGE, async (argv) => check(argv, await resolveCliContext()));
