// Run count and seed for the property suite: `npm run test:props -- --runs N --seed S` sets
// QA_RUNS / QA_SEED (scripts/props.mjs); CI uses the fixed defaults below.
export interface PropsConfig {
  /** Runs per property. */
  readonly runs: number
  /** The base seed; each property derives its own from it and its name, and prints it. */
  readonly seed: number
  /** Directory where failing journeys are written as scenario YAML. */
  readonly outDir: string
}

export const CI_RUNS = 60
export const CI_SEED = 20260601

const intEnv = (name: string, dflt: number): number => {
  const v = process.env[name]
  if (v === undefined || v.trim() === "") return dflt
  const n = Number(v)
  if (!Number.isSafeInteger(n)) throw new Error(`${name}: expected an integer, got "${v}"`)
  return n
}

export const propsConfig = (): PropsConfig => ({
  runs: Math.max(1, intEnv("QA_RUNS", CI_RUNS)),
  seed: intEnv("QA_SEED", CI_SEED),
  outDir: process.env.QA_OUT ?? "test-results/qa",
})

/** A per-property seed: the base seed mixed with the property's name (stable, 31-bit). */
export const seedFor = (base: number, name: string): number => {
  let h = base | 0
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x9e3779b1) | 0
  return h & 0x7fffffff
}
