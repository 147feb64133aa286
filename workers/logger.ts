/** Structured JSON logs (pino). Fields that may carry secrets are redacted wherever they appear. */
import { pino, type Logger } from 'pino';

export const REDACT_PATHS = ['*.password', '*.token', '*.secret', '*.data', '*.stringData', 'spec.components[*].env', 'headers.authorization'];

export function createLogger(level: string, name = 'kubemin'): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
