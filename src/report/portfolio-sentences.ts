import type { PortfolioReport } from "../model/index.ts";
import { millions, percent } from "./format-money.ts";

/** The year in which the chance that at least `k` members have failed first reaches `share`, or null. */
function yearReaching(r: PortfolioReport, k: number, share: number): string | null {
  return r.years.find((y) => y.failedBy[k - 1] >= share)?.year ?? null;
}

/**
 * What a DfE reader should take from a portfolio report, in sentences: how likely several trusts
 * are to be in trouble together, who goes first, which response plan costs the DfE and the councils
 * least on average and in a bad case (P90), and where reserves run short.
 */
export function portfolioSentences(r: PortfolioReport): string[] {
  const last = r.years[r.years.length - 1];
  const out: string[] = [];
  out.push(
    `By the end of ${last.year}, at least one member has failed in ${percent(last.failedBy[0])} of futures, at least two in ${percent(last.failedBy[1])} and at least three in ${percent(last.failedBy[2])}.`,
  );
  const half = yearReaching(r, 1, 0.5);
  if (half !== null) out.push(`The chance that at least one has failed passes one half in ${half}.`);
  const together = Math.max(...r.years.map((y) => y.failingIn[1]));
  out.push(
    together > 0
      ? `Two or more members fail in the same year in up to ${percent(together)} of futures in a year: placement prices and pay move together nationally, so failures cluster.`
      : "No two members fail in the same year in any future simulated.",
  );
  const first = [...r.members].sort((a, b) => b.probabilityFirst - a.probabilityFirst)[0];
  if (first !== undefined && first.probabilityFirst > 0) {
    out.push(`Where any member fails, ${first.id} is most often the first (${percent(first.probabilityFirst)} of those futures); it fails at all in ${percent(first.probabilityFails)} of futures.`);
  }
  const cheapest = (side: "dfe" | "council" | "total") => [...r.plans].sort((a, b) => a[side].mean - b[side].mean)[0];
  if (r.plans.length > 1) {
    const dfe = cheapest("dfe");
    const council = cheapest("council");
    const total = cheapest("total");
    out.push(
      `Cheapest on average for the DfE: ${dfe.id} (expected GBP ${millions(dfe.dfe.mean)}m, P90 ${millions(dfe.dfe.p90)}m); for councils: ${council.id} (GBP ${millions(council.council.mean)}m, P90 ${millions(council.council.p90)}m); for both together: ${total.id} (GBP ${millions(total.total.mean)}m, P90 ${millions(total.total.p90)}m). A plan cheap for one payer usually moves the cost to the other: read the two columns together.`,
    );
  }
  const short = r.reserves.filter((m) => m.years.some((y) => y.medianYears !== null && y.medianYears < 1)).map((m) => m.member);
  if (short.length > 0) out.push(`In the median future, reserves would last less than a year at that year's drawdown at some point for: ${short.join(", ")}.`);
  return out;
}
