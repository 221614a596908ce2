import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** Where a run is in its life: queued, running, then done or failed. */
export type RunStatus = "queued" | "running" | "done" | "failed";

/** A stored run without its (large) results. */
export interface RunRecord {
  id: string;
  status: RunStatus;
  scenarioId: string;
  scenarioTitle: string;
  iterations: number;
  seed: string;
  /** Share of iterations done, 0 to 1. */
  progress: number;
  createdAt: string;
  updatedAt: string;
  error: string | null;
}

interface Row {
  id: string;
  status: RunStatus;
  scenario_id: string;
  scenario_title: string;
  iterations: number;
  seed: string;
  progress: number;
  created_at: string;
  updated_at: string;
  error: string | null;
}

const toRecord = (r: Row): RunRecord => ({
  id: r.id,
  status: r.status,
  scenarioId: r.scenario_id,
  scenarioTitle: r.scenario_title,
  iterations: r.iterations,
  seed: r.seed,
  progress: r.progress,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  error: r.error,
});

/**
 * Runs and their results in an embedded SQLite database (better-sqlite3) under a data directory,
 * so a restarted server still lists and serves them. Each write is one statement or one
 * transaction; runs that were queued or running when the process stopped are marked failed when
 * the store opens, never lost silently.
 */
export class RunStore {
  private readonly db: Database.Database;
  private seq = 0;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "runs.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS runs (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_title TEXT NOT NULL,
        iterations INTEGER NOT NULL,
        seed TEXT NOT NULL,
        scenario_json TEXT NOT NULL,
        progress REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        error TEXT,
        results_json TEXT,
        sensitivity_json TEXT
      );
      CREATE INDEX IF NOT EXISTS runs_by_seq ON runs (seq DESC);
    `);
    this.seq = (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS s FROM runs").get() as { s: number }).s;
    const now = new Date().toISOString();
    this.db
      .prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE status IN ('queued', 'running')")
      .run("interrupted: the server stopped before this run finished; submit it again", now);
  }

  /** Records a new queued run with the validated scenario it will run. */
  create(run: { id: string; scenarioId: string; scenarioTitle: string; iterations: number; seed: string; scenario: unknown }): RunRecord {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO runs (id, seq, status, scenario_id, scenario_title, iterations, seed, scenario_json, created_at, updated_at)
         VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.id, ++this.seq, run.scenarioId, run.scenarioTitle, run.iterations, run.seed, JSON.stringify(run.scenario), now, now);
    return this.get(run.id)!;
  }

  get(id: string): RunRecord | null {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** The validated scenario a run was created with. */
  scenario(id: string): unknown {
    const row = this.db.prepare("SELECT scenario_json FROM runs WHERE id = ?").get(id) as { scenario_json: string } | undefined;
    return row ? JSON.parse(row.scenario_json) : null;
  }

  /** The results JSON text of a finished run, as stored. */
  resultsJson(id: string): string | null {
    const row = this.db.prepare("SELECT results_json FROM runs WHERE id = ?").get(id) as { results_json: string | null } | undefined;
    return row?.results_json ?? null;
  }

  /** Newest first. */
  list(offset: number, limit: number): { total: number; runs: RunRecord[] } {
    const total = (this.db.prepare("SELECT COUNT(*) AS n FROM runs").get() as { n: number }).n;
    const rows = this.db.prepare("SELECT * FROM runs ORDER BY seq DESC LIMIT ? OFFSET ?").all(limit, offset) as Row[];
    return { total, runs: rows.map(toRecord) };
  }

  markRunning(id: string): void {
    this.db.prepare("UPDATE runs SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'").run(new Date().toISOString(), id);
  }

  setProgress(id: string, progress: number): void {
    this.db.prepare("UPDATE runs SET progress = ?, updated_at = ? WHERE id = ? AND status = 'running'").run(progress, new Date().toISOString(), id);
  }

  /** Stores the results (and the tornado's sensitivity) and marks the run done, in one transaction. */
  finish(id: string, resultsJson: string, sensitivityJson: string | null = null): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE runs SET status = 'done', progress = 1, results_json = ?, sensitivity_json = ?, updated_at = ? WHERE id = ?")
        .run(resultsJson, sensitivityJson, new Date().toISOString(), id);
    })();
  }

  /** The sensitivity JSON text stored with a finished run, if any. */
  sensitivityJson(id: string): string | null {
    const row = this.db.prepare("SELECT sensitivity_json FROM runs WHERE id = ?").get(id) as { sensitivity_json: string | null } | undefined;
    return row?.sensitivity_json ?? null;
  }

  fail(id: string, error: string): void {
    this.db.prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE id = ?").run(error, new Date().toISOString(), id);
  }

  close(): void {
    this.db.close();
  }
}
