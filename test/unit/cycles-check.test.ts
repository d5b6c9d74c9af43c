// The import-cycle check (scripts/cycles.mjs, run by `npm run lint`): folders and their cycles.
import { describe, expect, it } from "vitest"
import { cyclicGroups, folderGraph, subFolderOf, topFolderOf } from "../../scripts/cycles.mjs"

const dep = (issuer: string, id: string) => ({ issuer, request: id, kind: "StaticImport", id })

describe("cycle check", () => {
  it("names top-level folders, and subfolders of core/ and channels/ (files directly in them are not a subfolder)", () => {
    expect(topFolderOf("channels/ussd/tree.ts")).toBe("channels")
    expect(subFolderOf("channels")("channels/ussd/tree.ts")).toBe("channels/ussd")
    expect(subFolderOf("channels")("channels/context.ts")).toBeNull()
    expect(subFolderOf("core")("channels/ussd/tree.ts")).toBeNull()
  })

  it("finds a folder cycle through files that form no file cycle, and none once an edge is allowed", () => {
    const tree = {
      "channels/http.ts": [dep("channels/http.ts", "web/router.tsx")],
      "web/router.tsx": [dep("web/router.tsx", "scenarios/client.ts")],
      "scenarios/client.ts": [dep("scenarios/client.ts", "channels/driver.ts")],
      "channels/driver.ts": [],
    }
    const { graph, example } = folderGraph(tree, topFolderOf)
    expect(cyclicGroups(graph)).toEqual([["channels", "scenarios", "web"]])
    expect(example.get("channels web")).toBe("channels/http.ts -> web/router.tsx")
    const used = new Set<string>()
    const cut = folderGraph(tree, topFolderOf, new Set(["channels -> web"]), used)
    expect(cyclicGroups(cut.graph)).toEqual([])
    expect([...used]).toEqual(["channels -> web"])
  })
})
