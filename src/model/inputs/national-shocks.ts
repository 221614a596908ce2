import { KeyedStream, gammaShape, normalsThenGammaInto } from "../../engine/index.ts";
import { SHOCK_FAMILIES, type ShockFamily } from "../quantities/quantity-schema.ts";

/**
 * The national shock of one family: its spread a year, its persistence and its sources. A driver
 * adds `nationalLoading x sd x shock[calendar year]` to its own mean.
 */
export interface ShockFamilyDefault {
  family: ShockFamily;
  /** Standard deviation of the national component a year, in the driver's units (a growth rate). */
  sd: number;
  /** AR(1) persistence from one year to the next. */
  persistence: number;
  source: string;
}

/**
 * National defaults, read from the reference figures (evidence records cited). The spreads are the
 * year-to-year variation of the national series, not the spread between councils.
 */
export const NATIONAL_SHOCKS: readonly ShockFamilyDefault[] = [
  {
    family: "general-inflation",
    sd: 0.015,
    persistence: 0.7,
    source: "seeds/general-inflation-target; assumption: GDP deflator moved from about 2% to 5-7% a year in 2022-23",
  },
  {
    family: "pay",
    sd: 0.015,
    persistence: 0.7,
    source: "assumption: local government pay awards of 1.75% (2021) to about 6% (2022-23, 2023-24)",
  },
  {
    family: "placement-prices",
    sd: 0.035,
    persistence: 0.6,
    source:
      "seeds/residential-real-growth-range, seeds/national-2023-24-looked-after-spend-growth: " +
      "7.3% a year real on average 2019-24, +10.5% in 2023-24, +4% real in 2024-25",
  },
  {
    family: "demand",
    sd: 0.015,
    persistence: 0.5,
    source: "seeds/cla-england-series: children looked after grew 2.4%, 1.0%, 1.6%, 2.0%, -0.2%, -2.2% a year 2019-2025",
  },
];

/** Rank order general-inflation, pay, placement-prices, demand: prices, pay and inflation move together. */
export const NATIONAL_CORRELATION: readonly (readonly number[])[] = [
  [1, 0.6, 0.5, 0.0],
  [0.6, 1, 0.4, 0.0],
  [0.5, 0.4, 1, 0.2],
  [0.0, 0.0, 0.2, 1],
];

/** Degrees of freedom of the shocks' Student t innovations: heavy tails, as 2022-24 showed. */
export const SHOCK_DEGREES_OF_FREEDOM = 5;

/** Years of innovations each national shock sums over: persistence^12 is below 0.02 for all families. */
export const MEMORY = 12;

/**
 * Standard normals that make one calendar year's innovations: one per family (correlated by the
 * Cholesky root) and SHOCK_DEGREES_OF_FREEDOM whose squares sum to the year's chi-squared (df is an
 * integer), so a year's multivariate t is a function of independent standard normals. A sampler
 * that moves the national futures (portfolio/temper-national.ts) works on these.
 */
export const LATENT_PER_YEAR = SHOCK_FAMILIES.length + SHOCK_DEGREES_OF_FREEDOM;

/**
 * National futures supplied rather than drawn: row r holds the latent normals of calendar years
 * firstYear .. firstYear + years - 1, LATENT_PER_YEAR each, at values[(r * years + y) * LATENT_PER_YEAR + j].
 */
export interface NationalLatent {
  firstYear: number;
  years: number;
  values: Float64Array;
}

/**
 * National shocks by calendar year, the same for every scenario on the same seed: each year's
 * innovations come from their own stream keyed by (seed, "national:<year>", iteration), so a
 * scenario starting in 2017 and one starting in 2023 see the same 2023. Each family's shock is a
 * stationary AR(1) with unit variance, written as a finite sum of past innovations.
 */
export class NationalShocks {
  readonly firstYear: number;
  readonly lastYear: number;
  /** shock[family][year - firstYear] for the current lane. */
  readonly shock: Float64Array[];
  private readonly streams: KeyedStream[];
  private readonly innovations: Float64Array;
  private readonly root: number[][];
  private readonly weights: Float64Array[];
  /** A year's normals, one a family, then its gamma (normalsThenGammaInto). */
  private readonly z = new Float64Array(SHOCK_FAMILIES.length + 1);
  private readonly chiShape = gammaShape(SHOCK_DEGREES_OF_FREEDOM / 2);

  constructor(seed: string, firstYear: number, lastYear: number) {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    const span = lastYear - firstYear + 1 + MEMORY;
    this.streams = Array.from({ length: span }, (_, k) => new KeyedStream(seed, `national:${firstYear - MEMORY + k}`));
    this.innovations = new Float64Array(span * SHOCK_FAMILIES.length);
    this.root = cholesky(NATIONAL_CORRELATION);
    this.shock = SHOCK_FAMILIES.map(() => new Float64Array(lastYear - firstYear + 1));
    this.weights = NATIONAL_SHOCKS.map((f) => {
      const w = new Float64Array(MEMORY + 1);
      let sumSquares = 0;
      for (let k = 0; k <= MEMORY; k++) sumSquares += (w[k] = f.persistence ** k) ** 2;
      for (let k = 0; k <= MEMORY; k++) w[k] /= Math.sqrt(sumSquares);
      return w;
    });
  }

  /**
   * Sets `shock` for one iteration, for the years up to `throughYear` (an index from firstYear;
   * later years are left as they were): a year's shock sums only its own and earlier innovations.
   */
  draw(iteration: number, throughYear = this.lastYear - this.firstYear): void {
    const families = SHOCK_FAMILIES.length;
    const df = SHOCK_DEGREES_OF_FREEDOM;
    const scale = Math.sqrt((df - 2) / df);
    const z = this.z;
    const streams = Math.min(this.streams.length, throughYear + 1 + MEMORY);
    const chiShape = this.chiShape;
    for (let k = 0; k < streams; k++) {
      // The families' normals, then one chi-squared per year for all of them: a multivariate t, so
      // a bad year is bad for all (standardNormal and gamma on the year's stream, in that order).
      normalsThenGammaInto(this.streams[k], iteration, families, chiShape, z, 0);
      const mix = scale / Math.sqrt((2 * z[families]) / df);
      for (let f = 0; f < families; f++) {
        let x = 0;
        const row = this.root[f];
        for (let g = 0; g <= f; g++) x += row[g] * z[g];
        this.innovations[k * families + f] = x * mix;
      }
    }
    this.sumInnovations(throughYear);
  }

  /**
   * Sets `shock` from row `row` of supplied latent normals (same distribution as `draw`, values
   * chosen by the caller: a proposal or a move of the national futures, not the keyed streams).
   */
  drawLatent(latent: NationalLatent, row: number): void {
    const families = SHOCK_FAMILIES.length;
    const df = SHOCK_DEGREES_OF_FREEDOM;
    const scale = Math.sqrt((df - 2) / df);
    const offset = this.firstYear - MEMORY - latent.firstYear;
    const span = this.streams.length;
    if (!(offset >= 0 && offset + span <= latent.years && row >= 0 && (row + 1) * latent.years * LATENT_PER_YEAR <= latent.values.length)) {
      throw new RangeError(`NationalShocks.drawLatent requires latent years ${this.firstYear - MEMORY}-${this.lastYear} and row ${row}`);
    }
    const v = latent.values;
    for (let k = 0; k < span; k++) {
      const at = (row * latent.years + offset + k) * LATENT_PER_YEAR;
      let chi = 0;
      for (let j = families; j < LATENT_PER_YEAR; j++) chi += v[at + j] * v[at + j];
      const mix = scale / Math.sqrt(chi / df);
      for (let f = 0; f < families; f++) {
        let x = 0;
        const r = this.root[f];
        for (let g = 0; g <= f; g++) x += r[g] * v[at + g];
        this.innovations[k * families + f] = x * mix;
      }
    }
    this.sumInnovations();
  }

  /** Each family's shock in each year to `throughYear`: the AR(1) as a weighted sum of its last MEMORY + 1 innovations. */
  private sumInnovations(throughYear = this.lastYear - this.firstYear): void {
    const families = SHOCK_FAMILIES.length;
    for (let f = 0; f < families; f++) {
      const out = this.shock[f];
      const w = this.weights[f];
      const last = Math.min(out.length, throughYear + 1);
      for (let y = 0; y < last; y++) {
        let x = 0;
        const k0 = y + MEMORY;
        for (let k = 0; k <= MEMORY; k++) x += w[k] * this.innovations[(k0 - k) * families + f];
        out[y] = x;
      }
    }
  }
}

/** Index of a family in SHOCK_FAMILIES. */
export function familyIndex(family: ShockFamily): number {
  return SHOCK_FAMILIES.indexOf(family);
}

/**
 * Lower Cholesky factor of a small positive-definite matrix. Four families only: loading mathjs
 * (60 MB, a third of a second) for a 4 x 4 factor would cost every command its start-up.
 */
function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError("cholesky requires a positive-definite matrix");
        l[i][i] = Math.sqrt(sum);
      } else l[i][j] = sum / l[j][j];
    }
  }
  return l;
}
