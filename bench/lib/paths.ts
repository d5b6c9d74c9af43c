// Where `npm run bench` writes: the JSON results beside the suites, the table and charts to docs/.
import { fileURLToPath } from "node:url"

const ROOT = fileURLToPath(new URL("../..", import.meta.url))
export const RESULTS_DIR = `${ROOT}bench/results`
export const DOCS_DIR = `${ROOT}docs`
