/** Thrown by evaluation and rendering; `code` is stable, `message` is written for business admins. */
export class ExpressionRuntimeError extends Error {
  readonly code: string;
  /** Source range of the failing node, when known. */
  readonly position: number;
  readonly length: number;

  constructor(code: string, message: string, position = 0, length = 0) {
    super(message);
    this.name = "ExpressionRuntimeError";
    this.code = code;
    this.position = position;
    this.length = length;
  }
}
