import type { ZodType } from "zod";
import type { Quantity } from "../quantities/quantity-schema.ts";

/**
 * Where a line sits in the ledger. `operating` lines are spending the budget must meet; `income`
 * lines are money the service receives (grants, contributions), stated as positive amounts and
 * subtracted once, in operating cost: operating = sum(operating lines) - sum(income lines).
 * `subtotal` lines add up others for reports; `one-off` and `finance` lines are written by the
 * finance stage (set-up, transition, budget, overspend, reserves). `count` lines are children
 * (named `children:...`), never summed into cost.
 */
export type LineSection = "operating" | "income" | "subtotal" | "one-off" | "finance" | "count";

/** Yearly rows that are counts of children (not money) start with this prefix; reports show them apart. */
export const COUNT_PREFIX = "children:";

/** Shared by every option (read from `baseline`), or per option (read from each option's own block). */
export type LineScope = "shared" | "option";

/** Where a compiled quantity's values are: lane i of year t at values[column(ref, t) + i]. */
export interface InputColumn {
  slot: number;
  stride: 0 | 1;
  constant: boolean;
}

/** Registers a scenario quantity under its key and returns where its values will be. */
export type RegisterQuantity = (key: string, q: Quantity) => InputColumn;

/** The yearly paths every option shares (common random numbers), for year t, one value a lane. */
export interface SharedPaths {
  /** General price level, 1 in the first year. */
  deflator: Float64Array;
  /** Children looked after relative to the first year. */
  childFactor: Float64Array;
  /** Employed cost per FTE this year (GBP a year). */
  permanentCost: Float64Array;
  /** Weekly unit cost of each placement type this year (GBP a week), by type index. */
  unitCost: Float64Array[];
  /** Children as flows this year for the option's own path (baseline.flows); null when the scenario has none. */
  flows?: FlowColumns | null;
}

/**
 * One year of children looked after as stocks and flows, a lane each (src/model/simulation/
 * children-flows.ts): average and year-end children by placement type, and the year's flows.
 */
export interface FlowColumns {
  /** Children in each type on average through the year (the mean of the monthly stocks), by type index. */
  average: Float64Array[];
  /** Children in each type at the end of the year, by type index. */
  yearEnd: Float64Array[];
  /** Children entering care in the year. */
  entries: Float64Array;
  /** Children leaving care in the year. */
  exits: Float64Array;
  /** Young people leaving care at 18 in the year (care leavers). */
  leaversAt18: Float64Array;
  /** Care leavers supported (a running stock fed by the leavers at 18), on average through the year. */
  careLeavers: Float64Array;
}

/** What a line reads when it is evaluated for one option path and one year, over `count` lanes. */
export interface LineContext {
  count: number;
  /** Year index within the horizon. */
  t: number;
  values: Float64Array;
  /** Offset of year t's column of a compiled quantity in `values`. */
  column(ref: InputColumn): number;
  /** Offset of another year's column of a compiled quantity. */
  columnAt(ref: InputColumn, year: number): number;
  shared: SharedPaths;
  /** Multiplier on placement costs from the option's effects and any disruption, a lane each. */
  placementCostFactor: Float64Array;
  /** Change in agency share from effects and disruption (share points), a lane each. */
  agencyShareChange: Float64Array;
  /** This year's column of a line already evaluated (listed in `dependsOn`). */
  line(name: string): Float64Array;
  /** The lines the line being evaluated depends on, resolved by the registry. */
  dependencies: readonly string[];
}

/**
 * What a line's zero test reads, at compile time: whether a compiled quantity is the constant 0 in
 * every year, and whether a line it depends on is known to be zero for the same option.
 */
export interface ZeroTest {
  input(ref: InputColumn): boolean;
  line(name: string): boolean;
  /** The lines the line depends on, resolved by the registry (VAT's base). */
  dependencies: readonly string[];
}

/** The scenario fields a line reads: top-level keys of `baseline` or an option, with schema and description. */
export type LineFields = Record<string, { schema: ZodType; description: string }>;

/** Declares a line, keeping its field schemas' types (the scenario type is built from them). */
export function defineLine<F extends LineFields, S extends LineScope>(line: CostLineDefinition<F, S>): CostLineDefinition<F, S> {
  return line;
}

/** A line's compiled state: the columns of the scenario fields it reads. */
export type CompiledLine = Record<string, InputColumn | InputColumn[] | string[]>;

/**
 * One cost or income line: what it is called, where it sits, the scenario fields it reads (its
 * schema fragment, by dotted path under `baseline` or an option), what it depends on, and how it is
 * evaluated over a block of lanes. The registry (registry.ts) builds the schema, the compiler,
 * the evaluation order and every report's labels from these.
 */
export interface CostLineDefinition<F extends LineFields = LineFields, S extends LineScope = LineScope> {
  name: string;
  label: string;
  section: LineSection;
  /**
   * An income line the DfE pays (a grant towards a cost): it lowers the service's operating cost
   * like any income, and the finance stage counts it in the DfE's cost and in the total cost to
   * the public purse rather than the council's.
   */
  fundedBy?: "dfe";
  scope: S;
  /** Top-level keys under `baseline` (shared) or an option (per option) and their schemas. */
  fields: F;
  /** Lines whose values this one reads. */
  dependsOn: readonly string[];
  /** Also depends on every line marked inVatBase (VAT says what it is charged on in data). */
  dependsOnSection?: "vat-base";
  /** True when VAT a company cannot recover is charged on this line (standard-rated spend). */
  inVatBase: boolean;
  /**
   * True when the line reads the option's effects (`ctx.placementCostFactor`, `ctx.agencyShareChange`).
   * A shared line without it has the same values for every option on the same children's path, so
   * it is evaluated once a year and copied (test/line-effects.test.ts checks the declaration).
   */
  readsEffects?: boolean;
  /** For a subtotal: the lines it adds up. */
  sumOf?: readonly string[];
  /** Extra output rows this line writes (a placement line per type: "placement:residential"). */
  sublines?: (data: Record<string, unknown>) => string[];
  /** Registers the fields' quantities; `data` is the parsed baseline or option object, `key` its path. */
  compile(data: Record<string, unknown>, key: string, register: RegisterQuantity): CompiledLine;
  /**
   * True when, for this compiled state, the line and its sublines are 0 in every lane of every year
   * (a factor the scenario leaves out or fixes at 0), read from the formula. The model then writes
   * zeros without evaluating the line, and a run folds those outputs without reading them; a run
   * refuses to start should its first block disagree. Absent: never known to be zero.
   */
  zeroWhen?(state: CompiledLine, zero: ZeroTest): boolean;
  /** Writes the line's value for each lane into `out` (and its sublines into `sub`). */
  evaluate(ctx: LineContext, state: CompiledLine, out: Float64Array, sub: Float64Array[]): void;
}

/** Reads a dotted path from parsed scenario data. */
export function readPath(data: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], data);
}

/** The usual compile: each field a quantity, registered under `<key>.<path>`, absent fields as `absent`. */
export function compileFields(fields: readonly string[], absent: number): CostLineDefinition["compile"] {
  return (data, key, register) => Object.fromEntries(fields.map((f) => [f, register(`${key}.${f}`, (readPath(data, f) as Quantity | undefined) ?? absent)]));
}
