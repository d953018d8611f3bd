export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** Rejects after `ms` when `promise` has not settled (the work itself goes on; its result is dropped). */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
