/**
 * Entry of `npm run import` (the command is ./commands/import.ts). It is imported only after the
 * compile cache is on, so that its modules can come from the cache.
 */
import { inheritedEnvironment, resolveCliContext } from '../context.ts';
import { enableCompileCache } from './compile-cache.ts';

enableCompileCache(inheritedEnvironment());
const [{ importDocs, USAGE }, { runCli }] = await Promise.all([import('./commands/import.ts'), import('./run.ts')]);
// The context is resolved once, here, and handed to the command.
runCli(USAGE, async (argv) => importDocs(argv, await resolveCliContext()));
