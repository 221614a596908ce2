#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { UsageError, oneOf, positiveFraction, positiveInteger } from "./usage-error.ts";
import { fileProblem } from "./file-problem.ts";
import { quietOnClosedPipe } from "./quiet-on-closed-pipe.ts";
import { VERSION } from "./version.ts";

/** The run command's output formats (kept here so `--help` does not load the run command). */
const OUTPUT_FORMATS = ["table", "json", "csv"] as const;

/**
 * An action that loads its command module when it runs: `--help`, `--version` and a bad flag
 * never pay for the model, the reports and their charting and document libraries.
 */
function lazy<M>(load: () => Promise<M>, name: keyof M) {
  return async (...args: unknown[]): Promise<void> => {
    const module = await load();
    await (module[name] as (...a: unknown[]) => unknown)(...args);
  };
}

/** A --format option whose choices commander lists in --help and checks (a wrong one exits 2). */
function formatOption(choices: readonly string[]): Option {
  // choices() lists them in --help; argParser() then keeps the one-line error that names flag, value and choices.
  return new Option("--format <format>", "output format").choices(choices).argParser(oneOf("--format", choices)).default("table");
}

/** --workers, said once: the default follows PARALLEL_THRESHOLD (run-scenario.ts; not imported, so --help loads no model). */
function workersOption(): Option {
  return new Option("--workers <n>", "worker threads (default: the cores from 200,000 iterations, else 1); never changes the numbers").argParser(positiveInteger("--workers", 64));
}

/** Exit codes: 0 success, 2 bad input (scenario or flags), 1 anything else. */
const EXIT_BAD_INPUT = 2;
const EXIT_FAILURE = 1;

function buildProgram(): Command {
  const program = new Command("trustsim")
    .description("Monte Carlo costs of children's services delivery models: in-house, trust, partnership.")
    .version(VERSION, "-V, --version", "print the version and exit")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("run")
    .description("simulate a scenario and print per-year costs, horizon totals and comparisons")
    .argument("<file>", "scenario file (YAML or JSON)")
    .option("--iterations <n>", "iterations (default: the scenario's)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: the scenario's)")
    .addOption(workersOption())
    .option("--precision <tol>", "double the iterations until the first comparison's mean and P90 are known to this relative tolerance (95%), e.g. 0.01", positiveFraction("--precision"))
    .addOption(formatOption(OUTPUT_FORMATS))
    .option("--out <file>", "write the output to a file instead of stdout")
    .option("--prior", "show the unconditioned futures (default: conditioned on the scenario's published evidence)")
    .action(lazy(() => import("./run-command.ts"), "runCommand"));

  program
    .command("validate")
    .description("check a scenario file and report the first problems found")
    .argument("<file>", "scenario file (YAML or JSON)")
    .action(lazy(() => import("./validate-command.ts"), "validateCommand"));

  program
    .command("contingency")
    .description("failure curve of each option that can fail, and the cost of each contingency plan")
    .argument("<file>", "scenario file or id")
    .option("--iterations <n>", "iterations (default: the scenario's)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: the scenario's)")
    .addOption(workersOption())
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./contingency-command.ts"), "contingencyCommand"));

  program
    .command("sensitivity")
    .description("which inputs drive the horizon cost difference between two options: rank correlation, share of variance, P10-P90 swing")
    .argument("<file>", "scenario file or id")
    .option("--between <a,b>", "the options to compare, or one option's own cost (default: the first two)")
    .option("--iterations <n>", "iterations (default: the scenario's, at most 10,000)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: the scenario's)")
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./analysis-commands.ts"), "sensitivityCommand"));

  program
    .command("switching")
    .description("the value of one input at which two options cost the same over the horizon (mean)")
    .argument("<file>", "scenario file or id")
    .requiredOption("--input <key>", "the input, by its key in the assumptions (e.g. options.trust.vat.irrecoverableShare)")
    .option("--between <a,b>", "the two options (default: the first two)")
    .option("--low <x>", "lower end of the search (default: the input's P1 less half its P1-P99 span)")
    .option("--high <x>", "upper end of the search")
    .option("--iterations <n>", "iterations per evaluation (default: the scenario's, at most 5,000)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: the scenario's)")
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./analysis-commands.ts"), "switchingCommand"));

  program
    .command("stress")
    .description("stress analysis as @RISK offers it: inputs held in a tail of their distribution (e.g. baseline.otherSpend:p90-p100), every other draw the same; each option's and plan's cost against the unstressed run")
    .argument("<file>", "scenario file or id")
    .requiredOption("--input <key:pLO-pHI...>", "an input (its key in the assumptions) and the tail to hold it in; repeat for several")
    .option("--iterations <n>", "iterations (default: the scenario's, at most 10,000)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: the scenario's)")
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./analysis-commands.ts"), "stressCommand"));

  program
    .command("calibrate")
    .description("compare each scenario's calibration targets (published figures in seeds/) with simulated P10-P90 bands")
    .argument("[scenario...]", "scenario ids or files (default: every scenario in scenarios/)")
    .option("--iterations <n>", "iterations (default: each scenario's)", positiveInteger("--iterations"))
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./calibrate-command.ts"), "calibrateCommand"));

  program
    .command("backtest")
    .description("rolling-origin backtest: condition on each year's published evidence, forecast the later published overspends, score them")
    .argument("[scenario...]", "scenario ids or files (default: every scenario in scenarios/ with published overspends)")
    .option("--iterations <n>", "iterations per forecast (default 2,000)", positiveInteger("--iterations"))
    .option("--seed <s>", "random seed (default: backtest)")
    .addOption(new Option("--format <format>", "output format").default("table").argParser(oneOf("--format", ["table", "json"] as const)))
    .action(lazy(() => import("./backtest-command.ts"), "backtestCommand"));

  program
    .command("init")
    .description("write a scenario for a council from its budget, children looked after and staff, with national defaults for the rest")
    .requiredOption("--id <id>", "scenario id (lower-case letters, digits and hyphens)")
    .requiredOption("--area <name>", "the council")
    .requiredOption("--start-year <year>", "calendar year the first financial year starts (2025 = 2025-26)", positiveInteger("--start-year", 2100))
    .requiredOption("--budget <gbp>", "the service's budget (or trust contract) in the first year, GBP", positiveInteger("--budget", 100_000_000_000))
    .option("--children <n>", "children looked after: a total (600) or by type (residential=68,kinship=94,...); default: estimated from the budget")
    .option("--staff <fte>", "staff FTE the workforce line covers; default: estimated from the budget", positiveInteger("--staff", 1_000_000))
    .requiredOption("--agency-share <share>", "agency share of those FTE, 0 to 1 (0.16 = 16%)", Number)
    .addOption(new Option("--model <model>", "how the service runs now").default("trust").argParser(oneOf("--model", ["trust", "in-house"] as const)))
    .option("--years <n>", "years in the horizon (default 10)", positiveInteger("--years", 60))
    .option("--flows", "children as stocks and flows by placement type at national defaults (default: a count grown by a demand driver)")
    .option("--out <file>", "write the scenario to a file instead of stdout")
    .action(lazy(() => import("./init-command.ts"), "initCommand"));

  program
    .command("portfolio")
    .description("every member of a portfolio on shared national futures: chance several fail in a year, who fails first, response plan costs, reserves")
    .argument("[file]", "portfolio file (default: portfolios/dfe-trusts.yaml)")
    .option("--iterations <n>", "iterations (default: the portfolio's)", positiveInteger("--iterations"))
    .option("--stress <key:pLO-pHI...>", "also rerun with these inputs held in a tail (e.g. baseline.placements.residential.weeklyUnitCost:p90-p100) on the same futures: each plan's cost stressed against unstressed")
    .addOption(formatOption(["table", "json"]))
    .action(lazy(() => import("./portfolio-command.ts"), "portfolioCommand"));

  program
    .command("sweep")
    .description("run portfolios, or scenarios x their options, as jobs on the Redis queue at TRUSTSIM_REDIS_URL (in process without one); JSON byte-identical to one process (`portfolio`, `run`)")
    .argument("<file...>", "portfolio files, scenario files or scenario ids")
    .option("--iterations <n>", "iterations (default: each file's)", positiveInteger("--iterations"))
    .option("--block <n>", "iterations per job (default 10,000; a scenario's rounded up to whole blocks of 1,024)", positiveInteger("--block"))
    .option("--seed <s>", "random seed of scenarios (default: each scenario's)")
    .option("--prior", "scenarios: the unconditioned futures, as run --prior")
    .option("--redis <url>", "Redis address, redis://host:port (default: TRUSTSIM_REDIS_URL)")
    .action(lazy(() => import("./sweep-command.ts"), "sweepCommand"));

  program
    .command("sweep-worker")
    .description("run sweep jobs from the Redis queue until stopped (SIGINT, SIGTERM); start any number, on any machine")
    .option("--redis <url>", "Redis address, redis://host:port (default: TRUSTSIM_REDIS_URL)")
    .action(lazy(() => import("./portfolio-command.ts"), "sweepWorkerCommand"));

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      return EXIT_BAD_INPUT; // commander has printed its one-line message
    }
    // A scenario error (the model's ScenarioError, matched by name so this file need not load the model) or a bad flag.
    if ((error as Error)?.name === "ScenarioError" || error instanceof UsageError) {
      process.stderr.write(`trustsim: ${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const badPath = fileProblem(error);
    if (badPath !== null) {
      process.stderr.write(`trustsim: ${badPath.message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`trustsim: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.TRUSTSIM_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
    return EXIT_FAILURE;
  }
}

quietOnClosedPipe();
process.exitCode = await main(process.argv);
