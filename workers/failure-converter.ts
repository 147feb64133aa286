/**
 * Failures with their message and stack moved into an encoded payload, which the encryption
 * codec then encrypts: a message that echoes a secret (a container's termination message, an
 * API server's answer) stays out of history in the clear. Loaded by path: the workflow bundle
 * includes it (see worker.ts and scripts/bundle-workflows.ts).
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
