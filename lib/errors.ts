/**
 * What went wrong, in the domain's terms. lib/store and lib/service throw
 * these; only the HTTP edge (lib/http/respond.ts `toErrorResponse`) decides
 * which status each one is answered with. `code` is the stable, machine-read
 * part of the answer; `message` is for people.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing asked about does not exist (or no longer does). */
export class NotFound extends DomainError {
  constructor(message: string, code = 'not_found') {
    super(code, message);
  }
}

/** The request is malformed or breaks a rule of its own (an id, a field, a cursor). */
export class Invalid extends DomainError {}

/** Well-formed, but cannot be acted on as it stands (e.g. a bug with no failure to hang on). */
export class Unprocessable extends DomainError {}

/** More than a limit allows. */
export class TooLarge extends DomainError {
  constructor(message: string, code = 'payload_too_large') {
    super(code, message);
  }
}

/** The current state of the thing refuses the change (a full issue, a ghost asked to close). */
export class Conflict extends DomainError {
  constructor(message: string, code = 'conflict') {
    super(code, message);
  }
}

/** Someone else is working on the same thing right now: the same request may succeed shortly. */
export class Busy extends DomainError {}

/**
 * Storage failed for a reason that is not the caller's (unreachable, throttled,
 * a 5xx): nothing durable was promised and the request may be retried.
 */
export class Unavailable extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
  }
}
