import type { CliIo } from '../cli/io.js';

/** A CLI io that keeps what was written, for assertions. */
export function collectingIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    out: () => out,
    err: () => err,
  };
}
