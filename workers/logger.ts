/**
 * Structured JSON logs (pino). Fields that may carry secrets are redacted wherever they appear,
 * and the values of Secrets this process applied are blanked from every line, whatever field
 * (or failure message) they turn up in.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { blankSecretValues } from '../activities/secret-values.js';

export const REDACT_PATHS = ['*.password', '*.token', '*.secret', '*.data', '*.stringData', 'spec.components[*].env', 'headers.authorization'];

export function createLogger(level: string, name = 'kubemin', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, hooks: { streamWrite: blankSecretValues } };
  return destination ? pino(options, destination) : pino(options);
}
