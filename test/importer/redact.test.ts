import { describe, expect, it } from "vitest";
import { redactCommitCredentials } from "../../src/importer/redact.js";

const REASON = "code-host credential that Zadig copies onto build commits";

describe("redactCommitCredentials", () => {
  it("removes oauth_token, username and password from build commits and reports each by file and dot path", () => {
    const releases = [
      {
        versionInfo: { id: "619dbaa8c528c2182225e8d9", createdBy: "admin" },
        buildInfo: [
          {
            serviceName: "nginx-test",
            commits: [
              { repo_owner: "koderover", repo_name: "zadig", oauth_token: "ghp_TOKEN", username: "bot", password: "hunter2", branch: "main" },
            ],
          },
        ],
      },
    ];

    const { value, redactions } = redactCommitCredentials(releases, "prod/releases.json", "");

    expect(value).toEqual([
      {
        versionInfo: { id: "619dbaa8c528c2182225e8d9", createdBy: "admin" },
        buildInfo: [{ serviceName: "nginx-test", commits: [{ repo_owner: "koderover", repo_name: "zadig", branch: "main" }] }],
      },
    ]);
    expect(redactions).toEqual([
      { file: "prod/releases.json", path: "[0].buildInfo[0].commits[0].oauth_token", reason: REASON },
      { file: "prod/releases.json", path: "[0].buildInfo[0].commits[0].username", reason: REASON },
      { file: "prod/releases.json", path: "[0].buildInfo[0].commits[0].password", reason: REASON },
    ]);
  });

  it("removes credentials from artifact activity commits and from sortedActivities alike", () => {
    const commit = { address: "https://github.com", repo_owner: "koderover", repo_name: "zadig", branch: "main", oauth_token: "tok" };
    const artifact = {
      name: "picket",
      activities: [{ type: "build", commits: [commit] }],
      sortedActivities: { build: [{ type: "build", commits: [commit] }] },
    };

    const { value, redactions } = redactCommitCredentials(artifact, "artifact.json", "");

    const clean = { address: "https://github.com", repo_owner: "koderover", repo_name: "zadig", branch: "main" };
    expect(value).toEqual({
      name: "picket",
      activities: [{ type: "build", commits: [clean] }],
      sortedActivities: { build: [{ type: "build", commits: [clean] }] },
    });
    expect(redactions.map((redaction) => redaction.path)).toEqual([
      "activities[0].commits[0].oauth_token",
      "sortedActivities.build[0].commits[0].oauth_token",
    ]);
  });

  it("finds a commits array at any depth and prefixes paths with the base path", () => {
    const record = { future: { stages: [{ job: { commits: [{ repo_name: "a", password: "p1" }, { repo_name: "b", username: "u2" }] } }] } };

    const { value, redactions } = redactCommitCredentials(record, "x.json", "[3]");

    expect(value).toEqual({ future: { stages: [{ job: { commits: [{ repo_name: "a" }, { repo_name: "b" }] } }] } });
    expect(redactions).toEqual([
      { file: "x.json", path: "[3].future.stages[0].job.commits[0].password", reason: REASON },
      { file: "x.json", path: "[3].future.stages[0].job.commits[1].username", reason: REASON },
    ]);
  });

  it("never puts a removed value into the redaction list or the result", () => {
    const planted = "PLANTED-s3cr3t-7f2c";
    const record = {
      buildInfo: [{ commits: [{ repo_name: "a", oauth_token: planted, username: planted, password: planted }] }],
      activities: [{ commits: [{ repo_name: "a", oauth_token: planted }] }],
    };

    const { value, redactions } = redactCommitCredentials(record, "leak.json", "");

    expect(redactions).toHaveLength(4);
    expect(JSON.stringify(redactions)).not.toContain(planted);
    expect(JSON.stringify(value)).not.toContain(planted);
  });

  it("removes empty credentials without reporting them", () => {
    const record = { commits: [{ repo_name: "a", oauth_token: "", username: "", password: "" }] };

    const { value, redactions } = redactCommitCredentials(record, "empty.json", "");

    expect(value).toEqual({ commits: [{ repo_name: "a" }] });
    expect(redactions).toEqual([]);
  });

  it("keeps username, password and oauth_token keys that are not on a commit", () => {
    const record = {
      username: "admin",
      versionInfo: { createdBy: "admin", password: "not-a-commit" },
      builds: [{ oauth_token: "in-a-builds-array" }],
      activities: [{ username: "in-an-activity" }],
      commit: { username: "singular-key" },
    };

    const { value, redactions } = redactCommitCredentials(record, "plain.json", "");

    expect(value).toEqual(record);
    expect(redactions).toEqual([]);
  });

  it("returns a copy and leaves the input untouched", () => {
    const record = { buildInfo: [{ commits: [{ repo_name: "a", oauth_token: "tok" }] }] };
    const before = structuredClone(record);

    const { value } = redactCommitCredentials(record, "f.json", "");

    expect(record).toEqual(before);
    expect(value).not.toBe(record);
    expect(record.buildInfo[0]?.commits[0]).toHaveProperty("oauth_token", "tok");
  });

  it("keeps the order of the remaining keys", () => {
    const record = {
      z: 1,
      commits: [{ source: "gitlab", oauth_token: "t", repo_owner: "o", username: "u", repo_name: "r", password: "p", branch: "b" }],
      a: 2,
    };

    const { value } = redactCommitCredentials(record, "f.json", "");

    expect(Object.keys(value)).toEqual(["z", "commits", "a"]);
    expect(Object.keys(value.commits[0] ?? {})).toEqual(["source", "repo_owner", "repo_name", "branch"]);
  });

  it("passes primitives, null and empty containers through unchanged", () => {
    expect(redactCommitCredentials(null, "f.json", "")).toEqual({ value: null, redactions: [] });
    expect(redactCommitCredentials("text", "f.json", "")).toEqual({ value: "text", redactions: [] });
    expect(redactCommitCredentials({ commits: [] }, "f.json", "")).toEqual({ value: { commits: [] }, redactions: [] });
  });
});

describe("redactCommitCredentials with a __proto__ key in the export", () => {
  it("keeps the key as data instead of turning it into a prototype", () => {
    const input: unknown = JSON.parse('{"commits":[{"repo_name":"a","__proto__":{"x":1},"oauth_token":"t"}],"__proto__":{"y":2}}');
    const { value } = redactCommitCredentials(input, "f.json", "");
    expect(JSON.stringify(value)).toBe('{"commits":[{"repo_name":"a","__proto__":{"x":1}}],"__proto__":{"y":2}}');
  });
});
