// Fails when a source line is longer than 140 characters, so a reader sees every line whole
// without scrolling. Biome wraps code at 120 but cannot break a string literal, so long texts
// (subscriber messages, SQL, report lines) are split by hand: `+`, template parts or joined arrays.
// Counts characters, not bytes: Russian text is two bytes a letter in UTF-8.
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"

const LIMIT = 140
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".css"]

const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => EXTENSIONS.some((ext) => f.endsWith(ext)))
  .filter((f) => !f.split("/").includes("node_modules"))
  .filter((f) => existsSync(f))

let over = 0
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n")
  lines.forEach((line, i) => {
    const length = [...line.replace(/\r$/, "")].length
    if (length > LIMIT) {
      console.log(`${file}:${i + 1}: ${length} characters (limit ${LIMIT})`)
      over++
    }
  })
}
if (over > 0) {
  console.log(`${over} line(s) over ${LIMIT} characters in ${files.length} files`)
  process.exit(1)
}
