import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadScenario, type Scenario } from "../model/index.ts";

/** The scenarios shipped in scenarios/, validated once at start; ids are looked up, never joined into paths. */
export class ScenarioCatalog {
  private constructor(private readonly byId: Map<string, Scenario>) {}

  static async load(dir: string): Promise<ScenarioCatalog> {
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
    const scenarios = await Promise.all(files.map((f) => loadScenario(join(dir, f))));
    return new ScenarioCatalog(new Map(scenarios.map((s) => [s.id, s])));
  }

  list(): { id: string; title: string; area: string; illustrative: boolean; options: string[]; years: string }[] {
    return [...this.byId.values()].map((s) => ({
      id: s.id,
      title: s.title,
      area: s.area,
      illustrative: s.illustrative,
      options: s.options.map((o) => o.id),
      years: `${s.startYear} + ${s.years}`,
    }));
  }

  get(id: string): Scenario | null {
    return this.byId.get(id) ?? null;
  }
}
