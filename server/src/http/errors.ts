/**
 * The errors a request can end in, each mapped to one HTTP status in errorMiddleware.
 * `details` carries structured context (field, element id, …) for the client.
 */
export class ApplicationError extends Error {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InputError extends ApplicationError {}
export class AuthenticationError extends ApplicationError {}
export class NotAllowedError extends ApplicationError {}
export class NotFoundError extends ApplicationError {}
export class ConflictError extends ApplicationError {}
export class PayloadTooLargeError extends ApplicationError {}
export class UnsupportedMediaTypeError extends ApplicationError {}

export const httpStatusOf = new Map<string, number>([
  ['InputError', 400],
  ['AuthenticationError', 401],
  ['NotAllowedError', 403],
  ['NotFoundError', 404],
  ['ConflictError', 409],
  ['PayloadTooLargeError', 413],
  ['UnsupportedMediaTypeError', 415],
]);
