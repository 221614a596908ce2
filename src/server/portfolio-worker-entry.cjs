// Entry for a portfolio's worker thread. tsx (registered by the worker's execArgv) compiles required
// TypeScript; a plain Worker on an ES module entry would not get tsx's ESM hooks.
require("./portfolio-worker.ts");
