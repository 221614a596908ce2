import { z } from "zod";
import { quantitySchema } from "../../quantities/quantity-schema.ts";

/**
 * The workforce block both workforce lines read. The inputs are registered once (the compiler
 * keys quantities by path, so the employed and agency lines share the same draws).
 */
export const workforceFieldSchema = z.strictObject({
      fte: quantitySchema.describe("Social-worker (and practice) full-time equivalents."),
      permanentCostPerFte: quantitySchema.describe("Employed cost per FTE a year, first-year prices, on-costs included."),
      agencyShare: quantitySchema.describe("Share of FTE filled by agency staff, 0 to 1 (0.16 = 16%)."),
      agencyPremium: quantitySchema.describe("Agency cost over employed cost, as a fraction (0.4 = 40% dearer)."),
      payInflation: quantitySchema.default(0).describe("Yearly growth of employed pay, as a fraction; a driver loads national pay shocks."),
});

/** The field both workforce lines declare. */
export const WORKFORCE_FIELDS = {
  workforce: {
    schema: workforceFieldSchema,
    description: "Staff: FTE, employed cost, agency share and premium, pay growth.",
  },
};

/** The agency share after an option's change, kept within [0, 1]. */
export function agencyShareAt(share: number, change: number): number {
  const x = share + change;
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
