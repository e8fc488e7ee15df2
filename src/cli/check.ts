/**
 * Entry of `npm run check` (the command is ./commands/check.ts). It is imported only after the
 * compile cache is on, so that its modules can come from the cache.
 */
import { enableCompileCache } from './compile-cache.ts';

enableCompileCache();
await import('./commands/check.ts');
