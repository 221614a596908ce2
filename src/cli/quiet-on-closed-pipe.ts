/**
 * Ends the process quietly when stdout's reader goes away (`trustsim run x --format csv | head -1`):
 * a closed pipe is the reader saying it has enough, not an error worth a stack trace. Node raises
 * it as an 'error' event on process.stdout (EPIPE), which is fatal when nobody listens.
 */
export function quietOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
