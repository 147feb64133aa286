/** The API's own errors, all KubeMinErrors: api/problem.ts maps each code to its HTTP status. */
import { KubeMinError } from '../src/index.js';

export class UnauthorizedError extends KubeMinError {
  override readonly name = 'UnauthorizedError';
  constructor(message: string) {
    super('Unauthorized', message, [], 'send `Authorization: Bearer <token>` with a token from KUBEMIN_API_TOKENS');
  }
}

export class ForbiddenError extends KubeMinError {
  override readonly name = 'ForbiddenError';
  constructor(message: string, hint: string) {
    super('Forbidden', message, [], hint);
  }
}

/** The run is not in a state where this makes sense (approving a step not waiting, cancelling an ended run). */
export class ConflictError extends KubeMinError {
  override readonly name = 'ConflictError';
  constructor(message: string, hint: string) {
    super('Conflict', message, [], hint);
  }
}

/** A well-formed request naming something the run does not have (a step that does not exist). */
export class UnprocessableError extends KubeMinError {
  override readonly name = 'UnprocessableError';
  constructor(message: string, hint: string) {
    super('Unprocessable', message, [], hint);
  }
}

/** A request body over the API's limit. */
export class PayloadTooLargeError extends KubeMinError {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly maxBytes: number) {
    super('PayloadTooLarge', `request bodies are limited to ${maxBytes} bytes`, [], 'split the application or move large data into a ConfigMap');
  }
}
