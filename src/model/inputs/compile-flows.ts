import type { Scenario } from "../scenario/scenario-schema.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";
import type { FlowsInput, Mechanism } from "../costs/flows-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import type { QuantityRef } from "./input-sampler.ts";

/** A recovery mechanism with its numbers registered and its placement types resolved to indices. */
export interface CompiledMechanism {
  kind: Mechanism["kind"];
  size: QuantityRef;
  rampYears: number;
  underDelivery: QuantityRef;
  deliveredShareIfShort: QuantityRef;
  /** Placement type indices the mechanism moves children from, and to (-1 when it moves none). */
  from: number[];
  to: number;
}

/** baseline.flows and the options' recovery mechanisms with where their numbers live. */
export interface CompiledFlows {
  /** False when only recovery mechanisms that need no flows (fewer agency staff) are present. */
  hasFlows: boolean;
  types: string[];
  opening: QuantityRef[];
  entries: { ref: QuantityRef; perChild: boolean };
  /** Normalised shares of entries by type; null: the opening mix of each lane. */
  entryMix: number[] | null;
  exitRate: (QuantityRef | null)[];
  moves: { from: number; to: number; rate: QuantityRef }[];
  shareOfExitsAt18: QuantityRef;
  /** Share of supported care leavers leaving support a year (baseline.careLeavers; zero without it). */
  careLeaverLeavingRate: QuantityRef;
  /** Each option's mechanisms, by option index. */
  recovery: CompiledMechanism[][];
}

const FLOW_KINDS = new Set(["fewer-entries", "more-kinship", "faster-step-down"]);

/**
 * Registers baseline.flows and every option's recovery mechanisms (keys `baseline.flows.*` and
 * `options.<id>.recovery.mechanisms.<mechanism>.*`, so the sensitivity table names each mechanism); null when
 * the scenario has neither. Placement types are checked against baseline.placements.
 */
export function compileFlows(scenario: Scenario, add: (key: string, q: Quantity, streamKey?: string) => QuantityRef): CompiledFlows | null {
  const b = scenario.baseline as Scenario["baseline"] & { flows?: FlowsInput };
  const options = scenario.options as (Scenario["options"][number] & { recovery?: { mechanisms: Mechanism[] } })[];
  if (b.flows === undefined && options.every((o) => o.recovery === undefined)) return null;
  const types = Object.keys(b.placements);
  const issues: { path: string; message: string }[] = [];
  const typeIndex = (name: string, path: string) => {
    const k = types.indexOf(name);
    if (k < 0) issues.push({ path, message: `unknown placement type '${name}': expected one of ${types.join(", ")}` });
    return k;
  };
  const f = b.flows;
  const recovery = options.map((o) => {
    // Listed under the option's own path (mechanisms by id, as overrides address them), drawn from the
    // streams of the option it is drawn as (compile-scenario's drawnAs).
    const key = `options.${o.id}.recovery.mechanisms`;
    const stream = `options.${o.drawsAs ?? o.id}.recovery.mechanisms`;
    const own = (name: string, q: Quantity) => add(`${key}.${name}`, q, `${stream}.${name}`);
    return (o.recovery?.mechanisms ?? []).map((m, j): CompiledMechanism => {
      const at = `options.${o.id}.recovery.mechanisms[${j}]`;
      if (f === undefined && FLOW_KINDS.has(m.kind)) issues.push({ path: at, message: `a '${m.kind}' mechanism acts on flows: give baseline.flows` });
      const moving = m.kind === "more-kinship" || m.kind === "faster-step-down";
      return {
        kind: m.kind,
        size: own(`${m.id}.size`, m.size),
        rampYears: m.rampYears,
        underDelivery: own(`${m.id}.underDelivery`, m.underDelivery),
        deliveredShareIfShort: own(`${m.id}.deliveredShareIfShort`, m.deliveredShareIfShort),
        from: moving ? m.from.map((t, i) => typeIndex(t, `${at}.from[${i}]`)) : [],
        to: moving ? typeIndex(m.to, `${at}.to`) : -1,
      };
    });
  });
  const opening = types.map((p) => add(`baseline.placements.${p}.children`, b.placements[p].children));
  if (f === undefined) {
    if (issues.length > 0) throw new ScenarioError(issues);
    const zero = add("baseline.flows.none", 0);
    return {
      hasFlows: false, types, opening, entries: { ref: zero, perChild: false }, entryMix: null, exitRate: types.map(() => null), moves: [],
      shareOfExitsAt18: zero, careLeaverLeavingRate: zero, recovery,
    };
  }
  for (const name of Object.keys(f.exitRate)) typeIndex(name, `baseline.flows.exitRate.${name}`);
  for (const name of Object.keys(f.entryMix ?? {})) typeIndex(name, `baseline.flows.entryMix.${name}`);
  const moves = f.moves.map((m, j) => ({
    from: typeIndex(m.from, `baseline.flows.moves[${j}].from`),
    to: typeIndex(m.to, `baseline.flows.moves[${j}].to`),
    rate: add(`baseline.flows.moves.${m.from}-to-${m.to}`, m.rate),
  }));
  let entryMix: number[] | null = null;
  if (f.entryMix !== undefined) {
    const raw = types.map((p) => f.entryMix![p] ?? 0);
    const sum = raw.reduce((a, x) => a + x, 0);
    if (!(sum > 0)) issues.push({ path: "baseline.flows.entryMix", message: "expected a positive total share" });
    entryMix = raw.map((x) => x / sum);
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  const perChild = "ratePerChild" in f.entries;
  return {
    hasFlows: true,
    types,
    opening,
    entries: { ref: add(`baseline.flows.entries.${perChild ? "ratePerChild" : "count"}`, "ratePerChild" in f.entries ? f.entries.ratePerChild : f.entries.count), perChild },
    entryMix,
    exitRate: types.map((p) => (f.exitRate[p] === undefined ? null : add(`baseline.flows.exitRate.${p}`, f.exitRate[p]))),
    moves,
    shareOfExitsAt18: add("baseline.flows.shareOfExitsAt18", f.shareOfExitsAt18),
    // The same key and quantity as the care leavers line registers, so both read one slot.
    careLeaverLeavingRate: add("baseline.careLeavers.leavingRate", b.careLeavers?.leavingRate ?? 0),
    recovery,
  };
}
