import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync, inflateSync } from "node:zlib";
import Database from "better-sqlite3";

/** Where a run is in its life: queued, running, then done, failed or cancelled. */
export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled";

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

/** A download built once, when the run finished, and served as stored. */
export interface Artifact {
  kind: string;
  contentType: string;
  data: Uint8Array;
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

const FINISHED = "('done', 'failed', 'cancelled')";
const asBuffer = (v: string | Buffer) => (typeof v === "string" ? Buffer.from(v, "utf8") : v);

/**
 * Runs and their results in an embedded SQLite database (better-sqlite3) under a data directory,
 * so a restarted server still lists and serves them. Each run belongs to an owner (a token's
 * name). A run's inputs are stored once per distinct scenario, deflated (zlib); results and
 * downloads as bytes, built once. Each write is one statement or one transaction; runs that were
 * queued or running when the process stopped are marked failed when the store opens.
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
      CREATE TABLE IF NOT EXISTS inputs (hash TEXT PRIMARY KEY, data BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS artifacts (
        run_id TEXT NOT NULL, kind TEXT NOT NULL, content_type TEXT NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (run_id, kind)
      );
    `);
    const columns = new Set((this.db.prepare("PRAGMA table_info(runs)").all() as { name: string }[]).map((c) => c.name));
    if (!columns.has("owner")) this.db.exec("ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT 'local'");
    if (!columns.has("inputs_hash")) this.db.exec("ALTER TABLE runs ADD COLUMN inputs_hash TEXT");
    if (!columns.has("stored_bytes")) this.db.exec("ALTER TABLE runs ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0");
    this.db.exec("CREATE INDEX IF NOT EXISTS runs_by_owner ON runs (owner, seq DESC)");
    this.seq = (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS s FROM runs").get() as { s: number }).s;
    const now = new Date().toISOString();
    this.db
      .prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE status IN ('queued', 'running')")
      .run("interrupted: the server stopped before this run finished; submit it again", now);
  }

  /** Records a new queued run with the validated scenario it will run (stored once per distinct scenario, deflated). */
  create(run: { id: string; scenarioId: string; scenarioTitle: string; iterations: number; seed: string; scenario: unknown; owner?: string }): RunRecord {
    const now = new Date().toISOString();
    const json = JSON.stringify(run.scenario);
    const hash = createHash("sha256").update(json).digest("hex");
    const data = deflateSync(json);
    this.db.transaction(() => {
      this.db.prepare("INSERT OR IGNORE INTO inputs (hash, data) VALUES (?, ?)").run(hash, data);
      this.db
        .prepare(
          `INSERT INTO runs (id, seq, status, scenario_id, scenario_title, iterations, seed, scenario_json, created_at, updated_at, owner, inputs_hash, stored_bytes)
           VALUES (?, ?, 'queued', ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
        )
        .run(run.id, ++this.seq, run.scenarioId, run.scenarioTitle, run.iterations, run.seed, now, now, run.owner ?? "local", hash, data.length);
    })();
    return this.get(run.id)!;
  }

  /** A run, or null when there is none or it belongs to another owner (`owner` given). */
  get(id: string, owner?: string): RunRecord | null {
    const row = this.db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as (Row & { owner: string }) | undefined;
    if (!row || (owner !== undefined && row.owner !== owner)) return null;
    return toRecord(row);
  }

  /** The owner of a run, or null. */
  owner(id: string): string | null {
    return (this.db.prepare("SELECT owner FROM runs WHERE id = ?").get(id) as { owner: string } | undefined)?.owner ?? null;
  }

  /** The validated scenario a run was created with. */
  scenario(id: string): unknown {
    const row = this.db
      .prepare("SELECT r.scenario_json AS json, i.data AS data FROM runs r LEFT JOIN inputs i ON i.hash = r.inputs_hash WHERE r.id = ?")
      .get(id) as { json: string; data: Buffer | null } | undefined;
    if (!row) return null;
    return JSON.parse(row.data ? inflateSync(row.data).toString("utf8") : row.json);
  }

  /** The results JSON of a finished run as stored bytes (no decoding to a string). */
  resultsBytes(id: string): Buffer | null {
    const row = this.db.prepare("SELECT results_json FROM runs WHERE id = ?").get(id) as { results_json: string | Buffer | null } | undefined;
    return row?.results_json == null ? null : asBuffer(row.results_json);
  }

  /** The results JSON text of a finished run, as stored. */
  resultsJson(id: string): string | null {
    return this.resultsBytes(id)?.toString("utf8") ?? null;
  }

  /** An owner's runs (all runs when `owner` is undefined), newest first. */
  list(offset: number, limit: number, owner?: string): { total: number; runs: RunRecord[] } {
    const where = owner === undefined ? "" : "WHERE owner = ?";
    const args = owner === undefined ? [] : [owner];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM runs ${where}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM runs ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
    return { total, runs: rows.map(toRecord) };
  }

  markRunning(id: string): void {
    this.db.prepare("UPDATE runs SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'").run(new Date().toISOString(), id);
  }

  setProgress(id: string, progress: number): void {
    this.db.prepare("UPDATE runs SET progress = ?, updated_at = ? WHERE id = ? AND status = 'running'").run(progress, new Date().toISOString(), id);
  }

  /** Stores the results, the tornado's sensitivity and the downloads, and marks the run done, in one transaction. */
  finish(id: string, resultsJson: string | Uint8Array, sensitivityJson: string | null = null, artifacts: readonly Artifact[] = []): void {
    const results = typeof resultsJson === "string" ? Buffer.from(resultsJson, "utf8") : Buffer.from(resultsJson);
    const bytes = results.length + (sensitivityJson?.length ?? 0) + artifacts.reduce((n, a) => n + a.data.length, 0);
    this.db.transaction(() => {
      const changed = this.db
        .prepare(
          `UPDATE runs SET status = 'done', progress = 1, results_json = ?, sensitivity_json = ?, stored_bytes = stored_bytes + ?, updated_at = ?
           WHERE id = ? AND status IN ('queued', 'running')`,
        )
        .run(results, sensitivityJson, bytes, new Date().toISOString(), id).changes;
      if (changed === 0) return;
      const insert = this.db.prepare("INSERT OR REPLACE INTO artifacts (run_id, kind, content_type, data) VALUES (?, ?, ?, ?)");
      for (const a of artifacts) insert.run(id, a.kind, a.contentType, Buffer.from(a.data));
    })();
  }

  /** A stored download of a run. */
  artifact(id: string, kind: string): Artifact | null {
    const row = this.db.prepare("SELECT kind, content_type, data FROM artifacts WHERE run_id = ? AND kind = ?").get(id, kind) as
      | { kind: string; content_type: string; data: Buffer }
      | undefined;
    return row ? { kind: row.kind, contentType: row.content_type, data: row.data } : null;
  }

  /** Stores a download built after the fact (runs finished before downloads were stored). */
  putArtifact(id: string, artifact: Artifact): void {
    this.db.transaction(() => {
      this.db.prepare("INSERT OR REPLACE INTO artifacts (run_id, kind, content_type, data) VALUES (?, ?, ?, ?)").run(id, artifact.kind, artifact.contentType, Buffer.from(artifact.data));
      this.db.prepare("UPDATE runs SET stored_bytes = stored_bytes + ? WHERE id = ?").run(artifact.data.length, id);
    })();
  }

  /** The sensitivity JSON text stored with a finished run, if any. */
  sensitivityJson(id: string): string | null {
    const row = this.db.prepare("SELECT sensitivity_json FROM runs WHERE id = ?").get(id) as { sensitivity_json: string | null } | undefined;
    return row?.sensitivity_json ?? null;
  }

  /** Marks a run failed with the reason, unless it already finished. */
  fail(id: string, error: string): void {
    this.db
      .prepare("UPDATE runs SET status = 'failed', error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')")
      .run(error, new Date().toISOString(), id);
  }

  /** Marks a queued or running run cancelled; false if it had already finished. */
  cancel(id: string, reason: string): boolean {
    return (
      this.db
        .prepare("UPDATE runs SET status = 'cancelled', error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')")
        .run(reason, new Date().toISOString(), id).changes > 0
    );
  }

  /** Deletes a finished run, its downloads, and its inputs if no other run shares them. */
  delete(id: string): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT inputs_hash FROM runs WHERE id = ? AND status IN ${FINISHED}`).get(id) as { inputs_hash: string | null } | undefined;
      if (!row) return false;
      this.db.prepare("DELETE FROM artifacts WHERE run_id = ?").run(id);
      this.db.prepare("DELETE FROM runs WHERE id = ?").run(id);
      if (row.inputs_hash) this.db.prepare("DELETE FROM inputs WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM runs WHERE inputs_hash = ?)").run(row.inputs_hash, row.inputs_hash);
      return true;
    })();
  }

  /** Runs of an owner that are queued or running. */
  activeCount(owner: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM runs WHERE owner = ? AND status IN ('queued', 'running')").get(owner) as { n: number }).n;
  }

  /** Runs an owner created at or after `since` (ISO time). */
  createdSince(owner: string, since: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM runs WHERE owner = ? AND created_at >= ?").get(owner, since) as { n: number }).n;
  }

  /** Bytes an owner's runs take: deflated inputs, results and downloads. */
  storedBytes(owner: string): number {
    return (this.db.prepare("SELECT COALESCE(SUM(stored_bytes), 0) AS n FROM runs WHERE owner = ?").get(owner) as { n: number }).n;
  }

  /**
   * Retention: deletes an owner's finished runs beyond the newest `keepRuns` or created before
   * `olderThan` (ISO time), oldest first; never a run in progress. Returns the ids deleted.
   */
  evict(owner: string, keepRuns: number, olderThan: string): string[] {
    const finished = this.db
      .prepare(`SELECT id, created_at FROM runs WHERE owner = ? AND status IN ${FINISHED} ORDER BY seq DESC`)
      .all(owner) as { id: string; created_at: string }[];
    const doomed = finished.filter((r, i) => i >= keepRuns || r.created_at < olderThan).map((r) => r.id);
    for (const id of doomed) this.delete(id);
    return doomed;
  }

  /** SQLite's own integrity check: "ok" when the file is sound. */
  integrityCheck(): string {
    return (this.db.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
  }

  close(): void {
    this.db.close();
  }
}
