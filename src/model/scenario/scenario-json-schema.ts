import { z } from "zod";
import { FIELD_DESCRIPTIONS } from "./field-descriptions.ts";
import { scenarioSchema } from "./scenario-schema.ts";

/**
 * The scenario JSON Schema, draft-07 (which the common YAML editor extension supports fully), with
 * a description on every field from FIELD_DESCRIPTIONS. Throws naming any field without one, so a
 * new field cannot ship undocumented.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: "draft-7", io: "input", unrepresentable: "any", reused: "ref" }) as Record<string, unknown>;
  const missing = new Set<string>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === "object") {
      const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
      if (properties && typeof properties === "object") {
        for (const [name, property] of Object.entries(properties)) {
          const text = FIELD_DESCRIPTIONS[name];
          if (text === undefined && property.description === undefined) missing.add(name);
          // Draft-07 ignores keywords beside $ref, so a described reference is wrapped in allOf.
          else if (typeof property.$ref === "string") properties[name] = { allOf: [{ $ref: property.$ref }], description: property.description ?? text };
          else property.description ??= text;
        }
      }
      stack.push(...Object.values(node));
    }
  }
  if (missing.size > 0) throw new RangeError(`scenarioJsonSchema requires a description for every field; none for ${[...missing].join(", ")}`);
  return { title: "trustsim scenario", description: "A trustsim scenario: one area over a horizon, its shared drivers and the delivery options to compare.", ...schema };
}
