import { join } from "node:path";
import { loadEvidence, type EvidenceRecord, type Results, type Scenario, type SensitivityResult } from "../../model/index.ts";
import { assumptionLabel, scenarioChanges, type ScenarioChange } from "../../report/index.ts";
import { comparisonPairs, tornadoFor, type ArtifactMeta } from "../report-artifacts.ts";
import type { RunRecord, RunStore } from "../run-store.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { VERSION } from "../version.ts";

/**
 * Everything a report of a finished run needs besides its Results: the evidence records for
 * source titles, the changes from the shipped scenario (a what-if), the run's date (so downloads
 * are byte-stable) and the tornado for a chosen pair at the run's own iterations. The run's worker
 * builds the downloads for the first pair and stores its tornado; this serves the other pairs
 * (computed once and kept, a few hundred milliseconds at 10,000 iterations) and runs stored before
 * downloads were.
 */
export class ReportService {
  private evidence: Promise<Map<string, EvidenceRecord>> | null = null;
  private readonly tornadoes = new Map<string, SensitivityResult | undefined>();

  constructor(
    private readonly store: RunStore,
    private readonly catalog: ScenarioCatalog,
    private readonly seedsDir: string,
  ) {}

  /** The seeds/ records by id, read once (an empty map if the folder is missing: sources then show their ids). */
  evidenceRecords(): Promise<Map<string, EvidenceRecord>> {
    this.evidence ??= loadEvidence(this.seedsDir).catch(() => new Map());
    return this.evidence;
  }

  /** The meta for one run's downloads and page. `between` picks the tornado's pair ("a,b"); the first pair by default. */
  async meta(run: RunRecord, results: Results, between?: string): Promise<ArtifactMeta> {
    const scenario = this.store.scenario(run.id) as Scenario;
    const pairs = comparisonPairs(results);
    const chosen = between !== undefined && pairs.includes(between) ? between : pairs[0];
    return {
      runId: run.id,
      version: VERSION,
      scenario,
      evidence: await this.evidenceRecords(),
      changes: this.changes(run),
      date: new Date(run.createdAt),
      sensitivity: chosen === undefined ? undefined : this.tornado(run, scenario, chosen, chosen === pairs[0]),
      between: chosen,
    };
  }

  /** How a run's scenario differs from the shipped one it started from (none for an inline scenario). */
  changes(run: RunRecord): ScenarioChange[] {
    const base = this.catalog.get(run.scenarioId);
    return base === null ? [] : scenarioChanges(base, this.store.scenario(run.id), assumptionLabel);
  }

  private tornado(run: RunRecord, scenario: Scenario, pair: string, first: boolean): SensitivityResult | undefined {
    // The first pair's tornado was computed by the run's worker and stored with its results.
    const stored = first ? this.store.sensitivityJson(run.id) : null;
    if (stored !== null) return JSON.parse(stored) as SensitivityResult;
    const key = `${run.id}:${pair}`;
    if (!this.tornadoes.has(key)) {
      if (this.tornadoes.size > 200) this.tornadoes.delete(this.tornadoes.keys().next().value!);
      this.tornadoes.set(key, tornadoFor(scenario, pair, run.iterations, run.seed));
    }
    return this.tornadoes.get(key);
  }
}

/** Where the evidence records live, beside the scenarios folder. */
export const seedsDirBeside = (scenariosDir: string) => join(scenariosDir, "..", "seeds");
