/**
 * Specs that cost a lot to read: YAML alias bombs and the longest dependency chain. Shared by the
 * unit tests, the real-API test (test/input-bombs.test.ts) and the bench (bench/compile.ts).
 */

/** YAML: `aliases` components whose env all alias the env map (`keys` entries) of the first. */
export function aliasBomb(aliases: number, keys: number): string {
  const env = Array.from({ length: keys }, (_, i) => `      K${i}: "v"`).join('\n');
  const rest = Array.from({ length: aliases }, (_, i) => `  - name: c${i + 1}\n    type: worker\n    image: busybox\n    env: *env`).join('\n');
  return `name: bomb\nnamespace: bomb\ncomponents:\n  - name: c0\n    type: worker\n    image: busybox\n    env: &env\n${env}\n${rest}\n`;
}

/** YAML "billion laughs": nine levels of anchors, each a list of ten aliases of the one before (10^9 nodes). */
export function laughsBomb(): string {
  const letter = (i: number) => String.fromCharCode(97 + i);
  const levels = [`  a: &a [${Array(10).fill('"x"').join(', ')}]`];
  for (let i = 1; i < 9; i++) levels.push(`  ${letter(i)}: &${letter(i)} [${Array(10).fill(`*${letter(i - 1)}`).join(', ')}]`);
  return `name: lol\ncomponents: [{ name: w, type: worker, image: x }]\nx-lol:\n${levels.join('\n')}\n`;
}

/** c0 <- c1 <- ... : `length` components, each depending on the one before. */
export const chainSpec = (length: number) => ({
  name: 'chain',
  namespace: 'chain',
  components: Array.from({ length }, (_, i) => ({ name: `c${i}`, type: 'worker', image: 'busybox', dependsOn: i ? [`c${i - 1}`] : [] })),
});
