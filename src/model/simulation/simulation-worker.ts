import { move, transferableSymbol, valueSymbol } from "piscina";
import { transferList } from "../../engine/index.ts";
import { runChunk, type ChunkTask } from "./run-chunk.ts";

/** Piscina worker: runs one chunk and hands its buffers back without copying them. */
export default function simulationWorker(task: ChunkTask) {
  const part = runChunk(task);
  return move({
    get [transferableSymbol]() {
      return transferList(part);
    },
    get [valueSymbol]() {
      return part;
    },
  } as never);
}
