/**
 * A plugin for tests: the `leaky` step type fails the way a degraded workload does (activities/
 * diagnostics.ts), with a container's exit message and a log tail that echo `echo`. The local
 * cluster's simulated kubelet (kwok) keeps no container logs, so a real log tail cannot be had.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';
import { defineStepType, type PluginStepInput } from '../../src/index.js';
import type { KubeMinPlugin } from '../../workers/plugins.js';

const LeakyProperties = z.strictObject({ echo: z.string() });

export const leakyPlugin: KubeMinPlugin = {
  name: 'leaky',
  stepTypes: [defineStepType({ name: 'leaky', description: 'Fails like a degraded Job whose log echoes `echo`.', properties: LeakyProperties, components: 'none', activity: 'leakyStep' })],
  activities: () => ({
    leakyStep(input: PluginStepInput<z.output<typeof LeakyProperties>>): Promise<never> {
      const { echo } = input.properties;
      const logs = [{ pod: 'migrate-abc12', container: 'migrate', tail: `connecting with password ${echo}\nFATAL: authentication failed` }];
      return Promise.reject(ApplicationFailure.nonRetryable(`Job migrate is degraded: BackoffLimitExceeded; migrate: exit 1: login as app/${echo} refused`, 'RolloutDegraded', { target: 'Job migrate', events: [`Warning BackOff: ${echo}`], logs }));
    },
  }),
};
