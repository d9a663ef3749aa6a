/** Marks an error as the harness's fault (bad case, bad flag, runner bug), never the server's. */
export function harnessError(message: string): Error {
  const error = new Error(message);
  error.name = 'HarnessError';
  return error;
}

/** Whether an error was raised by {@link harnessError}. */
export function isHarnessError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'HarnessError';
}
