import type { BlockPartial } from "../../engine/index.ts";
import { buildMember, type MemberSource, type PortfolioMember, type SuppliedFutures } from "./portfolio-member.ts";
import { memberOutcomes, type OutcomeRules } from "./member-outcomes.ts";

/**
 * One unit of a portfolio run, as plain data so that a sweep worker on another machine can run it:
 * the evidence log-likelihood of one member's prior futures [from, to), or the outcome columns of
 * one member's positions [from, to) (simulating the futures `lanes` lists). With `national`, the
 * national futures are supplied (the tempered sampler's particles) rather than keyed by lane:
 * position p reads row national.rows[p] of national.latent and its local draws from lanes[p].
 */
export type PortfolioTask =
  | { kind: "likelihood"; member: number; source: MemberSource; seed: string; localPerNational: number; from: number; to: number; lanes?: Int32Array; national?: SuppliedFutures }
  | {
      kind: "outcomes"; member: number; source: MemberSource; seed: string; localPerNational: number; from: number; to: number; lanes: Int32Array; rules: OutcomeRules;
      national?: SuppliedFutures;
    };

/** Runs tasks and returns their partials in task order (in process, or on a queue: src/cli/sweep-executor.ts). */
export type PortfolioExecutor = (tasks: readonly PortfolioTask[], onProgress?: (done: number, total: number) => void) => Promise<BlockPartial[]>;

/** Members built per (seed, source), so a worker compiles a scenario once for all its blocks. */
const built = new Map<string, PortfolioMember>();
const MAX_BUILT = 64;

/** Runs one task: a pure function of the task, so a retried or duplicated task returns the same partial. */
export function runPortfolioTask(task: PortfolioTask): BlockPartial {
  const key = `${task.seed}\u0000${task.localPerNational}\u0000${JSON.stringify(task.source)}`;
  let member = built.get(key);
  if (member === undefined) {
    if (built.size >= MAX_BUILT) built.clear();
    built.set(key, (member = buildMember(task.source, task.seed, task.localPerNational)));
  }
  const supplied: SuppliedFutures | undefined = task.national;
  if (task.kind === "likelihood") {
    if (task.national === undefined) return { from: task.from, to: task.to, columns: [member.logLikelihood(task.from, task.to)] };
    if (task.lanes?.length !== task.to - task.from || task.national.rows.length !== task.to - task.from) throw new RangeError("runPortfolioTask requires one lane and one row per position");
    return { from: task.from, to: task.to, columns: [member.logLikelihoodSupplied(task.lanes, supplied!)] };
  }
  if (task.lanes.length !== task.to - task.from) throw new RangeError("runPortfolioTask requires one lane per position");
  return { from: task.from, to: task.to, columns: memberOutcomes(member.simulate(task.lanes, supplied), task.rules) };
}

/** The in-process executor: tasks one after another on this thread. */
export const runInProcess: PortfolioExecutor = async (tasks, onProgress) => {
  const out: BlockPartial[] = [];
  for (const task of tasks) {
    out.push(runPortfolioTask(task));
    onProgress?.(out.length, tasks.length);
  }
  return out;
};
