/**
 * The web console's build for the processes that serve it from source (`npm start`, the browser
 * tests): dist/web is built with Vite when it is missing or older than any of its sources
 * (web/, and client/ which it bundles). `npm run build` builds it unconditionally.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the console is built to (web/vite.config.ts says the same). */
export const CONSOLE_DIR = join(ROOT, 'dist', 'web');
const SOURCES = [join(ROOT, 'web', 'src'), join(ROOT, 'web', 'index.html'), join(ROOT, 'web', 'vite.config.ts'), join(ROOT, 'client'), join(ROOT, 'package-lock.json')];

/** The newest modification time of a file or of any file under a folder. */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), 0);
}

/** Why the built console must be (re)built, or undefined when it is up to date. */
export function consoleStale(dir = CONSOLE_DIR): string | undefined {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return 'not built yet';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.filter((p) => existsSync(p) && newest(p) > built);
  return changed.length ? `changed since the last build: ${changed.map((p) => p.slice(ROOT.length)).join(', ')}` : undefined;
}

/** Builds the console when it is missing or stale; answers where it is and whether it was built. */
export async function ensureConsoleBuilt(say: (line: string) => void = () => undefined): Promise<{ dir: string; built: boolean }> {
  const why = consoleStale();
  if (!why) return { dir: CONSOLE_DIR, built: false };
  say(`building the web console (${why})`);
  const t0 = Date.now();
  // loaded only when needed: vite is a dev dependency, absent from a production install
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  say(`built the web console into ${CONSOLE_DIR.slice(ROOT.length)} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { dir: CONSOLE_DIR, built: true };
}
