import { writeFile } from "node:fs/promises";
import { scenarioJsonSchema } from "../model/index.ts";

/** `npm run schema`: writes the scenario JSON Schema (draft-07, every field described) that editors use for YAML files. */
const target = process.argv[2] ?? "scenarios/scenario.schema.json";
await writeFile(target, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
process.stderr.write(`wrote ${target}\n`);
