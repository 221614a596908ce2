import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { scenarioSchema } from "../model/index.ts";

/** `npm run schema`: writes the scenario JSON Schema that editors use to autocomplete YAML files. */
const target = process.argv[2] ?? "scenarios/scenario.schema.json";
const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any", reused: "ref" });
await writeFile(target, JSON.stringify({ title: "trustsim scenario", ...schema }, null, 2) + "\n");
process.stderr.write(`wrote ${target}\n`);
