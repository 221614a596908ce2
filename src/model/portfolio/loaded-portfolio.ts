import type { Portfolio } from "./portfolio-schema.ts";
import type { MemberSource } from "./portfolio-member.ts";

/** A portfolio with its members' sources resolved (load-portfolio.ts), ready to run. */
export interface LoadedPortfolio {
  portfolio: Portfolio;
  sources: MemberSource[];
  /** Opening usable reserves of each member, GBP. */
  openingReserves: number[];
}
