import { describe, expect, it } from "vitest";
import { diffSummary, historyNote } from "../../src/diff/describe.js";
import { releaseNeighbours } from "../../src/diff/neighbours.js";
import { diffReleases, imageState, RELEASE_DIFF_FORMAT } from "../../src/diff/release-diff.js";
import { releaseDiffOf } from "../../src/diff/release-diffs.js";
import { MAX_YAML_EDIT_LENGTH } from "../../src/diff/yaml-diff.js";
import { artifactRaw, githubCommit, makeRelease, snapshotOf, type ReleaseSpec } from "./fixtures.js";

const ID1 = "111111111111111111111111";
const ID2 = "222222222222222222222222";
const ID3 = "333333333333333333333333";
const API_1 = "reg.example.com/pay/api:1.0";
const API_2 = "reg.example.com/pay/api:1.1";
const WORKER = "reg.example.com/pay/worker:3.0";
const GATEWAY = "reg.example.com/pay/gateway:2.0";
const DIGEST_2 = `sha256:${"ab".repeat(32)}`;
const noImages = new Map();

const older: ReleaseSpec = {
  id: ID1,
  version: "1.0",
  createdAt: 100,
  deploys: [{ service: "api", image: API_1 }, { service: "worker", image: WORKER }],
  builds: [{ service: "api", image: API_1, commits: [githubCommit("acme/api", "a".repeat(40))] }],
  tests: [{ name: "it", tests: 10, failures: 1 }],
  security: [{ image: API_1, total: 5, high: 2 }],
};

describe("diffReleases", () => {
  it("says there is no previous release for the first release of a workflow, with nothing to compare", () => {
    const diff = diffReleases(makeRelease(older), null, noImages);
    expect(diff).toMatchObject({ format: RELEASE_DIFF_FORMAT, state: "no-previous", previous: null, images: [], commits: [], yaml: [], services: { added: [], removed: [] } });
    expect(diff.tests).toEqual({ before: null, after: { suites: 1, total: 10, executed: 10, passed: 9, failed: 1, errors: 0, skipped: 0 }, changed: false });
    expect(diffSummary(diff)).toBe("No previous release of this project and workflow: nothing to compare with.");
  });

  it('says "no changes" when a release runs, builds, tests and scans exactly what the previous one did', () => {
    const diff = diffReleases(makeRelease({ ...older, id: ID2, version: "1.0.1", createdAt: 200 }), makeRelease(older), noImages);
    expect(diff.state).toBe("no-changes");
    expect(diff.previous).toMatchObject({ id: ID1, version: "1.0" });
    expect([diff.images, diff.yaml, diff.services.added, diff.services.removed]).toEqual([[], [], [], []]);
    expect(diff.commits.map((change) => change.status)).toEqual(["unchanged"]);
    expect(diff.tests.changed || diff.security.changed).toBe(false);
    expect(diffSummary(diff)).toBe("No changes since 1.0: the same services, images, commits, Kubernetes YAML, test totals and security counts.");
  });

  it("shows a changed image with its old and new tag, and the digest only where an artifact trace was exported", () => {
    const snapshot = snapshotOf([older, { ...older, id: ID2, createdAt: 200, deploys: [{ service: "api", image: API_2 }, { service: "worker", image: WORKER }] }], [artifactRaw(API_2, DIGEST_2)]);
    const diff = releaseDiffOf(snapshot, ID2);
    expect(diff?.state).toBe("changed");
    expect(diff?.images).toEqual([
      {
        service: "api",
        container: "api",
        before: { reference: API_1, tag: "1.0", digest: null },
        after: { reference: API_2, tag: "1.1", digest: DIGEST_2 },
      },
    ]);
    expect(diffSummary(diff ?? diffReleases(makeRelease(older), null, noImages))).toMatch(/^Changes since 1\.0: 1 image changed, 1 YAML document set changed\.$/);
  });

  it("lists services added and removed, and the images they start or stop running", () => {
    const newer = { ...older, id: ID2, createdAt: 200, deploys: [{ service: "api", image: API_1 }, { service: "gateway", image: GATEWAY }] };
    const diff = diffReleases(makeRelease(newer), makeRelease(older), noImages);
    expect(diff.services).toEqual({ added: ["gateway"], removed: ["worker"] });
    expect(diff.images).toEqual([
      { service: "gateway", container: "gateway", before: null, after: { reference: GATEWAY, tag: "2.0", digest: null } },
      { service: "worker", container: "worker", before: { reference: WORKER, tag: "3.0", digest: null }, after: null },
    ]);
    expect(diff.yaml).toEqual([]);
  });

  it("gives a unified diff of the YAML that changed, and nothing for YAML that did not", () => {
    const yaml = (replicas: number) => [`kind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: ${replicas}\n  image: ${API_1}\n`];
    const before = { ...older, deploys: [{ service: "api", image: API_1, yaml: yaml(1) }, { service: "worker", image: WORKER }] };
    const after = { ...before, id: ID2, createdAt: 200, deploys: [{ service: "api", image: API_1, yaml: yaml(3) }, { service: "worker", image: WORKER }] };
    const diff = diffReleases(makeRelease(after), makeRelease(before), noImages);
    expect(diff.yaml).toHaveLength(1);
    expect(diff.yaml[0]).toMatchObject({ service: "api", container: "api", addedLines: 1, removedLines: 1 });
    expect(diff.yaml[0]?.patch).toBe(
      ["--- a/api/api", "+++ b/api/api", "@@ -2,5 +2,5 @@", " metadata:", "   name: api", " spec:", "-  replicas: 1", "+  replicas: 3", `   image: ${API_1}`, ""].join("\n"),
    );
    expect(diff.images).toEqual([]);
  });

  it("joins multi-document YAML with --- and diffs it as one stream", () => {
    const before = { ...older, deploys: [{ service: "api", image: API_1, yaml: ["a: 1", "b: 1\n"] }] };
    const after = { ...before, id: ID2, createdAt: 200, deploys: [{ service: "api", image: API_1, yaml: ["a: 1", "b: 2\n"] }] };
    expect(diffReleases(makeRelease(after), makeRelease(before), noImages).yaml[0]?.patch).toContain(" a: 1\n ---\n-b: 1\n+b: 2\n");
  });

  it("does not compute a diff past the edit limit, and gives both sides' sha256 instead", () => {
    const lines = (prefix: string) => [Array.from({ length: MAX_YAML_EDIT_LENGTH }, (_, i) => `${prefix}${i}: x`).join("\n")];
    const before = { ...older, deploys: [{ service: "api", image: API_1, yaml: lines("a") }] };
    const after = { ...before, id: ID2, createdAt: 200, deploys: [{ service: "api", image: API_1, yaml: lines("b") }] };
    const change = diffReleases(makeRelease(after), makeRelease(before), noImages).yaml[0];
    expect(change?.patch).toBeNull();
    expect(change?.beforeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(change?.afterSha256).not.toBe(change?.beforeSha256);
  });

  it("names the new commit of a repository both releases built", () => {
    const newer = { ...older, id: ID2, createdAt: 200, builds: [{ service: "api", commits: [githubCommit("acme/api", "b".repeat(40))] }] };
    const [change] = diffReleases(makeRelease(newer), makeRelease(older), noImages).commits;
    expect(change?.status).toBe("new-commits");
    expect(change?.gap).toBeNull();
    expect(change?.before.map((c) => c.commitId)).toEqual(["a".repeat(40)]);
    expect(change?.added.map((c) => c.commitId)).toEqual(["b".repeat(40)]);
    expect(change?.repository).toEqual({ source: "github", address: "https://github.com", owner: "acme", repo: "api" });
  });

  it("says the history is unknown, and lists no new commits, when the previous release did not build the repository", () => {
    const newer = { ...older, id: ID2, createdAt: 200, builds: [{ service: "api", commits: [githubCommit("acme/other", "c".repeat(40))] }] };
    const [change] = diffReleases(makeRelease(newer), makeRelease(older), noImages).commits;
    expect(change).toMatchObject({ status: "history-unknown", gap: "not-built-before", before: [], added: [] });
    expect(historyNote(change ?? fail())).toBe("History unknown: the previous release did not build this repository, so which commits are new cannot be told.");
  });

  it("says the history is unknown when the previous build of the repository recorded no commit id", () => {
    const before = { ...older, builds: [{ service: "api", commits: [githubCommit("acme/api", "")] }] };
    const after = { ...older, id: ID2, createdAt: 200, builds: [{ service: "api", commits: [githubCommit("acme/api", "d".repeat(40))] }] };
    const diff = diffReleases(makeRelease(after), makeRelease(before), noImages);
    expect(diff.commits[0]).toMatchObject({ status: "history-unknown", gap: "previous-commit-unknown", added: [] });
    expect(diff.state).toBe("changed");
  });

  it("counts test totals and security counts before and after", () => {
    const newer = { ...older, id: ID2, createdAt: 200, tests: [{ name: "it", tests: 12 }], security: [{ image: API_1, total: 3, high: 0 }] };
    const diff = diffReleases(makeRelease(newer), makeRelease(older), noImages);
    expect(diff.tests).toMatchObject({ changed: true, before: { total: 10, failed: 1 }, after: { total: 12, failed: 0 } });
    expect(diff.security).toMatchObject({ changed: true, before: { total: 5, high: 2 }, after: { total: 3, high: 0 } });
  });

  it("compares the environment snapshot's containers when a release has no deploy rows (helm versions)", () => {
    const before = { id: ID1, createdAt: 100, env: [{ service: "api", container: "api", image: API_1 }] };
    const after = { id: ID2, createdAt: 200, env: [{ service: "api", container: "api", image: API_2 }] };
    expect(diffReleases(makeRelease(after), makeRelease(before), noImages).images.map((c) => [c.before?.tag, c.after?.tag])).toEqual([["1.0", "1.1"]]);
  });
});

describe("imageState", () => {
  it("takes the digest pinned in the reference when no trace was exported, and says null when neither knows", () => {
    expect(imageState(`reg.example.com/a@${DIGEST_2}`, noImages)).toEqual({ reference: `reg.example.com/a@${DIGEST_2}`, tag: "", digest: DIGEST_2 });
    expect(imageState("not a reference:v9", noImages)).toEqual({ reference: "not a reference:v9", tag: "v9", digest: null });
  });
});

describe("releaseNeighbours", () => {
  it("orders each project and workflow by created_at, breaking ties by id, and never crosses workflows", () => {
    const releases = [
      makeRelease({ id: ID3, createdAt: 200 }),
      makeRelease({ id: ID2, createdAt: 200 }),
      makeRelease({ id: ID1, createdAt: 300 }),
      makeRelease({ id: "444444444444444444444444", createdAt: 250, workflow: "other" }),
      makeRelease({ id: "555555555555555555555555", createdAt: 260, project: "other" }),
    ];
    const neighbours = releaseNeighbours(releases);
    expect(neighbours.get(ID1)?.previous?.id).toBe(ID3);
    expect(neighbours.get(ID3)?.previous?.id).toBe(ID2);
    expect(neighbours.get(ID2)?.previous).toBeNull();
    expect(neighbours.get(ID2)?.next?.id).toBe(ID3);
    expect(neighbours.get("444444444444444444444444")).toEqual({ previous: null, next: null });
  });
});

describe("releaseDiffOf", () => {
  it("compares with the previous release of the same workflow and gives null for an id the snapshot lacks", () => {
    const snapshot = snapshotOf([older, { ...older, id: ID2, createdAt: 200 }, { ...older, id: ID3, createdAt: 150, workflow: "hotfix" }]);
    expect(releaseDiffOf(snapshot, ID2)?.previous?.id).toBe(ID1);
    expect(releaseDiffOf(snapshot, ID3)?.state).toBe("no-previous");
    expect(releaseDiffOf(snapshot, "999999999999999999999999")).toBeNull();
  });
});

function fail(): never {
  throw new Error("expected a value");
}
