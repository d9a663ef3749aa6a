/**
 * The logger the server writes to: the structural shape pino, bunyan-style and console-backed
 * loggers share, so the server depends on no logging library.
 */
export interface BatchLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Calls a logger without letting its failure reach the batch. */
export function safeLog(
  logger: BatchLogger | undefined,
  level: keyof BatchLogger,
  obj: object,
  msg: string,
): void {
  if (logger === undefined) return;
  try {
    logger[level](obj, msg);
  } catch {
    // A broken logger must not change an answer.
  }
}
