/**
 * The one error base class of KubeMin. Every domain error carries a stable `code` (safe to
 * match on in clients and in Temporal failure types), the JSON path it concerns when there is
 * one, and a hint saying what to do next.
 */
export interface ErrorDetail {
  /** JSON path of the offending field, e.g. `$.components[0].image`. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
  /** The line of the submitted text it concerns, when the spec came as text. */
  readonly line?: number;
  /** The policy rule that denies it (PolicyDeniedError). */
  readonly rule?: string;
}

export class KubeMinError extends Error {
  override readonly name: string = 'KubeMinError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The spec failed validation; `details` lists every problem found, not only the first. */
export class SpecInvalidError extends KubeMinError {
  override readonly name = 'SpecInvalidError';
  constructor(details: readonly ErrorDetail[]) {
    super(
      'SpecInvalid',
      `the application spec has ${details.length} problem${details.length === 1 ? '' : 's'}: ` +
        details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
      'fix every field listed in details, then submit the spec again',
    );
  }
}

/**
 * The spec is larger than KubeMin reads: its YAML, with every alias expanded, has more nodes than
 * the limit (MAX_SPEC_NODES, model/limits.ts). Refused before it is validated, so a small body
 * whose aliases multiply cannot keep the API busy.
 */
export class SpecTooLargeError extends KubeMinError {
  override readonly name = 'SpecTooLargeError';
  constructor(limit: number, detail: ErrorDetail) {
    super(
      'SpecTooLarge',
      `the application spec expands to more than ${limit.toLocaleString('en-US')} nodes (YAML aliases expanded)`,
      [detail],
      'write the spec without aliases that repeat large parts, or split the application',
    );
  }
}

/** A run, step or object that was asked for does not exist. */
export class NotFoundError extends KubeMinError {
  override readonly name = 'NotFoundError';
  constructor(what: string, hint?: string) {
    super('NotFound', `${what} was not found`, [], hint);
  }
}

/** The spec asks for host access the platform's policy (or its own narrower policy) denies; `details` lists every field. */
export class PolicyDeniedError extends KubeMinError {
  override readonly name = 'PolicyDeniedError';
  constructor(details: readonly ErrorDetail[]) {
    super(
      'PolicyDenied',
      `the platform policy denies ${details.length} field${details.length === 1 ? '' : 's'} of the spec: ` + details.map((d) => `${d.path} (${d.rule ?? 'policy'})`).join('; '),
      details,
      'remove the fields listed in details, or ask the platform team for a policy rule that allows them for this token and namespace',
    );
  }
}

export const isKubeMinError = (e: unknown): e is KubeMinError => e instanceof KubeMinError;
export const isSpecInvalid = (e: unknown): e is SpecInvalidError => e instanceof SpecInvalidError;
export const isPolicyDenied = (e: unknown): e is PolicyDeniedError => e instanceof PolicyDeniedError;
export const isSpecTooLarge = (e: unknown): e is SpecTooLargeError => e instanceof SpecTooLargeError;
export const isNotFound = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
