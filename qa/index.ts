// The QA toolkit: arbitraries, the model-based runner, one checker per invariant, scenario export.
export * from "./arbitraries.ts"
export * from "./steps.ts"
export * from "./model.ts"
export * from "./runner.ts"
export * from "./scenario-yaml.ts"
export * from "./config.ts"
export * from "./invariants/index.ts"
export * from "./channels.ts"
