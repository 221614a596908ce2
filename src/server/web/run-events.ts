import type { FastifyReply } from "fastify";
import type { RunStore } from "../run-store.ts";

/** How often the stream looks at the store: the queue writes progress at most every 200 ms. */
const POLL_MS = 250;

/**
 * Streams a run's status and progress as server-sent events ("progress", JSON of status and
 * progress) until it is done, failed or cancelled, then ends. It reads the run store the queue already
 * writes, so the queue and the workers need no hook; a client that reconnects simply resumes.
 */
export function streamRunEvents(store: RunStore, id: string, reply: FastifyReply): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
  let last = "";
  const send = () => {
    const run = store.get(id);
    if (run === null) return stop();
    const data = JSON.stringify({ status: run.status, progress: run.progress, error: run.error });
    if (data !== last) {
      last = data;
      raw.write(`event: progress\ndata: ${data}\n\n`);
    }
    if (run.status === "done" || run.status === "failed" || run.status === "cancelled") stop();
  };
  const timer = setInterval(send, POLL_MS);
  function stop() {
    clearInterval(timer);
    raw.end();
  }
  raw.on("close", () => clearInterval(timer));
  raw.write("retry: 1000\n\n");
  send();
}
