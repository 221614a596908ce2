import { z } from "zod";
import { quantitySchema } from "../../quantities/quantity-schema.ts";

/** The overheads block the governance, support-services and client-side lines read (each its own field). */
export const OVERHEADS_FIELDS = {
  overheads: {
    schema: z
      .strictObject({
        governance: quantitySchema.default(0).describe("Board, chair, non-executives, director of resources, audit: GBP a year, first-year prices."),
        supportServices: quantitySchema.default(0).describe("Support services bought back from the council, GBP a year, first-year prices."),
        clientSide: quantitySchema.default(0).describe("Client-side contract management kept by the council, GBP a year, first-year prices."),
      })
      .optional(),
    description: "A company's or partnership's own overheads (absent: none).",
  },
};
