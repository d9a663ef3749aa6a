#!/usr/bin/env node
import { processIo } from './cli/io.js';
import { main } from './cli/program.js';

// `list | head` closes the pipe early: that ends the output, it is not an error worth a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processIo);
