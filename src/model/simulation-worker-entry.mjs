// Worker entry for piscina. Piscina tries require() first, and tsx would then compile the model
// to CommonJS, where every imported binding is a getter call (1.5x slower in the hot loop); an
// .mjs entry cannot be required, so piscina imports it as ESM, the same as the main thread.
export { default } from "./simulation-worker.ts";
