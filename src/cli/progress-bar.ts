import { createRequire } from "node:module";

/** A progress bar on stderr (silent when stderr is not a terminal, as in CI); returns the listener and a stop. */
export function progressBar(label: string): { update: (done: number, total: number) => void; stop: () => void } {
  // Loaded at the point of use so that commands without a bar do not pay for it.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} iterations | {eta}s left`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
