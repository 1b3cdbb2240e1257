/** An `error` answer from the server, or a local failure of a request. */
export class SignalError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SignalError';
    this.code = code;
  }
}

/** Thrown by `connect` when the server refuses the join (bad token, room closed or gone). */
export class JoinError extends SignalError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'JoinError';
  }
}
