/**
 * `npm run bench`: figures, side by side in one run. Targets are printed next to the measures;
 * nothing here fails a build (a server that cannot start does).
 *
 *   npm run bench            everything
 *   npm run bench -- pure    only what needs no server (validate + compile + render)
 */
import { benchCompile } from './compile.js';
import { benchEngine } from './engine.js';
import { startBenchServers } from './servers.js';

const only = process.argv[2];
benchCompile();
if (only !== 'pure') {
  const servers = await startBenchServers();
  try {
    await benchEngine(servers);
  } finally {
    await servers.stop();
  }
}
