#!/usr/bin/env node
// The `kubemin` bin: loads the TypeScript CLI through tsx (installed by `npm ci`), so `npx kubemin`
// and `npm run cli -- ...` run the same code the tests run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
