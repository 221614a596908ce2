import { z } from "zod";
import { quantitySchema } from "../../quantities/quantity-schema.ts";

/**
 * The improvement-partner block the fee and grant lines read: a strong council's leadership
 * working alongside the council's own (Leeds with Kirklees; Hampshire with the Isle of Wight),
 * with no new company, for a fixed term, part funded by the DfE (cases.md [S1], [S3], [S4]).
 */
export const IMPROVEMENT_PARTNER_FIELDS = {
  improvementPartner: {
    schema: z
      .strictObject({
        fee: quantitySchema.describe("The partner council's fee for its leadership and support, GBP a year, first-year prices."),
        years: z.number().int().min(1).optional().describe("Years the partnership runs from the first year (absent: the whole horizon)."),
        dfeFundedShare: quantitySchema.default(0).describe("Share of the fee the DfE pays, 0 to 1."),
      })
      .optional(),
    description: "An improvement partner: another council's leadership alongside, no new company (absent: none).",
  },
};

