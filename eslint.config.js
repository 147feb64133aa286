// Lint: type-aware TypeScript rules everywhere, and in workflow code a ban on Node builtins and
// on anything that does I/O (client-node, activity implementations): workflow code must stay
// deterministic and is bundled into Temporal's sandbox.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.kubemin/**', 'eslint.config.js', 'cli/kubemin.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      'max-depth': ['error', 3],
      'max-params': ['error', 4],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    // a unit test beside workflow code runs in Node, not in the sandbox
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'workflow code runs in a deterministic sandbox: no Node builtins; do this in an activity' })),
          patterns: [
            { group: ['@kubernetes/client-node', '@kubernetes/*'], message: 'only activities talk to Kubernetes' },
            { group: ['@temporalio/activity', '@temporalio/worker', '@temporalio/client'], message: 'workflows import @temporalio/workflow only' },
            { group: ['zod', 'pino', 'yaml', 'hono', '@hono/*'], message: 'keep workflow bundles free of I/O and heavy libraries' },
            { group: ['../activities/*', '../activities/index.js', '!../activities/index.js'], message: 'import activity types only: `import type { Activities }`', allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
